// The few platform globals the core uses, which Node and every browser have alike (timers and
// text decoding). Declared here so the core's type-check sees no Node or DOM types at all.
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly href: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
}
