export type TestProtocol = {
  add: { payload: { a: number; b: number }; result: number };
  calls: { payload: undefined; result: number };
  fail: { payload: { kind: 'model' | 'user' | 'crash' }; result: never };
  spin: { payload: undefined; result: string };
  hang: { payload: undefined; result: never };
  crash: { payload: undefined; result: never };
  count: { payload: { to: number }; result: string };
};
