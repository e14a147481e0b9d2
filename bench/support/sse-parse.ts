// An incremental Server-Sent Events parser, kept cheap because one bench process feeds
// 1000 streams with it and every microsecond spent here is counted as latency.

export type SseMessage = { event: string; data: string; id?: string };

/**
 * Returns a `feed(chunk)` that calls `onMessage` for each complete event, across chunk
 * boundaries. Comment lines (`: ping`) and `retry:` are skipped; an event without data is
 * not dispatched, as in a browser's EventSource.
 */
export function createSseParser(onMessage: (message: SseMessage) => void): (chunk: string) => void {
  let buffer = "";
  return (chunk) => {
    buffer += chunk.includes("\r") ? chunk.replace(/\r\n?/g, "\n") : chunk;
    let end = buffer.indexOf("\n\n");
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      dispatch(block, onMessage);
      end = buffer.indexOf("\n\n");
    }
  };
}

function dispatch(block: string, onMessage: (message: SseMessage) => void) {
  let event = "message";
  let id: string | undefined;
  let data: string | undefined;
  for (const line of block.split("\n")) {
    if (line === "" || line.charCodeAt(0) === 58 /* ":" */) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data = data === undefined ? value : `${data}\n${value}`;
    else if (field === "id") id = value;
  }
  if (data === undefined) return;
  onMessage(id === undefined ? { event, data } : { event, data, id });
}
