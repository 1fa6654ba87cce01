// Writes an Arrow IPC stream as Parquet (parquet-wasm, self-hosted), away from the page.
import init, { Table, writeParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

self.onmessage = async (e: MessageEvent<Uint8Array>) => {
  try {
    await init({ module_or_path: wasmUrl });
    const bytes = writeParquet(Table.fromIPCStream(e.data));
    const out = new Uint8Array(bytes);
    self.postMessage({ bytes: out }, { transfer: [out.buffer] });
  } catch (error) {
    self.postMessage({ error: (error as Error).message });
  }
};
