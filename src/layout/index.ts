export * from './basic';
