/**
 * Limits shared by client and server, so that both ends refuse the same things.
 * The server passes `maxFrameBytes` to `ws` as `maxPayload`; the client checks it before sending.
 */
export const limits = {
  /** Largest single WebSocket frame (a sync step 2 of a whole document must fit). */
  maxFrameBytes: 8 * 1024 * 1024,
  /** Largest stored document state (snapshot + update log), in bytes. */
  maxDocumentBytes: 16 * 1024 * 1024,
  /** Bytes buffered per connection while its document is still loading. */
  maxPendingBytesWhileLoading: 8 * 1024 * 1024,
  /**
   * Updates one connection may have waiting for updates the room has not received yet (typed between a
   * reconnect and the sync step 2 that brings the offline edits they build on); beyond either bound the
   * connection is closed and reconnects. A whole room's waiting updates are bounded by `maxHeldBytesPerRoom`.
   */
  /** Below `maxFramesBurst`: a client that never sends what its updates build on meets this bound first. */
  maxHeldUpdatesPerConnection: 300,
  maxHeldBytesPerConnection: 2 * 1024 * 1024,
  maxHeldBytesPerRoom: 8 * 1024 * 1024,
  /** Bytes queued for one slow client before it is disconnected to resync later. */
  maxBufferedBytesPerClient: 32 * 1024 * 1024,
  /** Largest JSON request body accepted by the HTTP API. */
  maxJsonBodyBytes: 64 * 1024,
  /** Largest file a teacher may upload (a .docx to import); the client checks it before uploading. */
  maxUploadBytes: 10 * 1024 * 1024,
  /** Largest image a teacher may insert (or an import may keep); the client checks it before uploading. */
  maxImageBytes: 5 * 1024 * 1024,
  /** Longest side of an image, in pixels: beyond this no plan needs it and decoding it costs too much memory. */
  maxImageSide: 8000,
  /** Width × height of an image; a small file can declare a huge picture that a reader would have to decode. */
  maxImagePixels: 40_000_000,
  /** Awareness client ids one connection may speak for (a y-websocket client uses one). */
  maxAwarenessClientsPerConnection: 4,
  /** Largest awareness state of one client id, as JSON (a cursor and a few fields need a few hundred). */
  maxAwarenessStateBytes: 8 * 1024,
  /** Awareness frames the server sends are cut at about this size, so no joiner is sent everyone at once. */
  maxAwarenessFrameBytes: 64 * 1024,
  /**
   * Types nested in one another in a document, counted from its root: an item directly in `content` is
   * at depth 1. A 导学案 nests a few levels (section, list, list item, paragraph, text; a table adds
   * three); anything near this is an attack, and readers that recurse (export, passages) must never
   * meet more (docs/BOUNDS.md, BOUNDS-2).
   */
  maxContentDepth: 100,
  /** Arrays and objects nested in one stored value (an attribute, a map value): BOUNDS-3. */
  maxValueDepth: 16,
  /** Ids written into threads (thread, reply, author, mentioned user): BOUNDS-4. */
  maxThreadIdChars: 64,
  /** A thread's or reply's body, in characters: BOUNDS-4. */
  maxThreadBodyChars: 20_000,
  /** A thread's quoted passage, and a suggestion's replacement, in characters: BOUNDS-4. */
  maxThreadQuoteChars: 100_000,
  /** Users one thread may @mention: BOUNDS-4. */
  maxThreadMentions: 200,
  /** An encoded anchor (a Yjs relative position): BOUNDS-4. */
  maxThreadAnchorBytes: 1024,
  /**
   * Frames one connection may send: sustained per second, and at once. A fast typist with an input
   * method sends a few dozen (updates and caret moves together); a reconnect's first frames are a
   * handful. Past either, the connection is closed with `CloseCode.rateLimited`: BOUNDS-7.
   */
  maxFramesPerSecond: 100,
  maxFramesBurst: 400,
  /**
   * Bytes one connection may send, per second and at once; the burst holds a whole document and one
   * more of the largest frames (the document size limit then answers first).
   */
  maxBytesPerSecond: 1024 * 1024,
  maxBytesBurst: 24 * 1024 * 1024,
  /** The same for all connections of one user together (several tabs and documents): BOUNDS-8. */
  maxUserFramesPerSecond: 200,
  maxUserFramesBurst: 800,
  maxUserBytesPerSecond: 2 * 1024 * 1024,
  maxUserBytesBurst: 32 * 1024 * 1024,
  /**
   * Deletion ranges one update may add to its document, counted before it is decoded (BOUNDS-14):
   * decoding a range costs what a few hundred bytes of text cost. Ranges the document holds already do
   * not count, so a reconnect's sync step 2, which carries the document's whole delete set, always fits.
   */
  maxDeleteRangesPerUpdate: 200_000,
  /** Ranges charged per connection each second; its burst is `maxDeleteRangesPerUpdate`. */
  maxDeleteRangesPerSecond: 20_000,
  /** The same for all connections of one user together. */
  maxUserDeleteRangesPerSecond: 40_000,
  maxUserDeleteRangesBurst: 400_000,
  /** Open document connections of one user at once (tabs, documents): BOUNDS-8. */
  maxConnectionsPerUser: 20,
  /**
   * After a connection is closed for sending too much, its user's new connections are refused for this
   * long, doubled for each further offence that follows within `maxRateLimitCooldownMs`, up to it
   * (BOUNDS-11). Clients wait at least as long before they reconnect.
   */
  rateLimitCooldownMs: 5_000,
  maxRateLimitCooldownMs: 60_000,
  /** Lifetime of a token from `POST /api/auth/ws-token`. */
  wsTokenTtlSeconds: 5 * 60,
  /** Lifetime of a browser session cookie. */
  sessionTtlSeconds: 30 * 24 * 60 * 60,
} as const
