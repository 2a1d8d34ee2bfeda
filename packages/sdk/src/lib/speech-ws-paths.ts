/**
 * MiniMax's two speech WebSocket endpoints, in a module of their own: the relays need the paths without the session
 * code that opens them (an edge bundle of `@minimax-ts/sdk/relay/fetch` would otherwise carry the whole session).
 */

/** `single`: one task per connection (`t2a_v2`); `bidirectional`: `t2a_v2_bidi`. */
export const SPEECH_WS_PATHS = { single: '/ws/v1/t2a_v2', bidirectional: '/ws/v1/t2a_v2_bidi' } as const;
