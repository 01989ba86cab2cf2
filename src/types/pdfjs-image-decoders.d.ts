// pdf.js's stand-alone image decoders ship without types; the part used for TIFF fax pages.
declare module 'pdfjs-dist/image_decoders/pdf.image_decoders.mjs' {
  export interface CcittOptions {
    K: number;
    EndOfLine: boolean;
    EncodedByteAlign: boolean;
    BlackIs1: boolean;
    Columns: number;
    Rows: number;
    EndOfBlock: boolean;
  }
  export class Jbig2Image {
    static setOptions(o: { useWasm: boolean; useWorkerFetch: boolean; wasmUrl: string }): void;
    static readonly instance: Jbig2Image;
    decode(bytes: Uint8Array, width: number, height: number, globals: Uint8Array | null, ccitt?: CcittOptions): Promise<Uint8Array | null>;
  }
}
