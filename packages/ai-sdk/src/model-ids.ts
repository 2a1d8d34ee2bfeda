/**
 * Model ids with the documented ones suggested. The types stay open (`string & {}`): MiniMax ships new models often,
 * and a new id must work without a release of this package.
 */

/** Chat models of the Anthropic-compatible endpoint. */
export type MiniMaxChatModelId =
  | 'MiniMax-M3'
  | 'MiniMax-M2.7'
  | 'MiniMax-M2.7-highspeed'
  | 'MiniMax-M2.5'
  | 'MiniMax-M2.5-highspeed'
  | 'MiniMax-M2.1'
  | 'MiniMax-M2.1-highspeed'
  | 'MiniMax-M2'
  | (string & {});

/** Speech (T2A v2) models: `-hd` for quality, `-turbo` for speed and price. */
export type MiniMaxSpeechModelId =
  | 'speech-2.8-hd'
  | 'speech-2.8-turbo'
  | 'speech-2.6-hd'
  | 'speech-2.6-turbo'
  | 'speech-02-hd'
  | 'speech-02-turbo'
  | 'speech-01-hd'
  | 'speech-01-turbo'
  | (string & {});

/** Image models. */
export type MiniMaxImageModelId = 'image-01' | 'image-01-live' | (string & {});

/** Speech-to-text models. */
export type MiniMaxTranscriptionModelId = 'asr-1.0' | (string & {});

/** Video models (Video Generation V2): `MiniMax-H3` (768P/2K, 4–15 s), `MiniMax-H3-Max` (faster; 480P/768P, 5–15 s). */
export type MiniMaxVideoModelId = 'MiniMax-H3' | 'MiniMax-H3-Max' | (string & {});
