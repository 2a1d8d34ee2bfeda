/// <reference types="vite/client" />
/**
 * The browser example: streams a chat answer into a <pre>, then streams speech of that answer and hands it to an
 * <audio> element. Talks to the mock (`?baseURL=` or VITE_MINIMAX_BASE_URL, default http://127.0.0.1:4010).
 *
 * `dangerouslyAllowBrowser`: a secret key in a page is visible to everyone who opens it. Fine for the mock; for the
 * real API, call MiniMax from your server (or a proxy that adds the key).
 */
import { MiniMax } from '@minimax-ts/sdk';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const chatOut = $<HTMLPreElement>('chat');
const audio = $<HTMLAudioElement>('audio');
const status = $<HTMLParagraphElement>('status');
const prompt = $<HTMLInputElement>('prompt');

const baseURL =
  new URLSearchParams(location.search).get('baseURL') ??
  import.meta.env.VITE_MINIMAX_BASE_URL ??
  'http://127.0.0.1:4010';
$('base-url').textContent = baseURL;

const mm = new MiniMax({ apiKey: 'mock-key', baseURL, dangerouslyAllowBrowser: true });

function setStatus(state: 'busy' | 'done' | 'error', text: string): void {
  status.dataset.state = state;
  status.textContent = text;
}

async function streamChat(question: string): Promise<string> {
  chatOut.textContent = '';
  const stream = await mm.chat.create({
    model: 'MiniMax-M2',
    messages: [{ role: 'user', content: question }],
    stream: true,
  });
  stream.on('text', (delta) => {
    chatOut.textContent += delta;
  });
  return stream.finalText();
}

/**
 * Streams the speech, then plays it from a Blob URL. (For playback that starts with the first chunk, append the
 * chunks to a MediaSource SourceBuffer instead; MiniMax's MP3 chunks are plain MPEG frames.)
 */
async function streamSpeech(text: string): Promise<number> {
  const stream = await mm.speech.stream({
    model: 'speech-2.6-turbo',
    text,
    voice_setting: { voice_id: 'English_Graceful_Lady' },
    audio_setting: { format: 'mp3', sample_rate: 32_000, bitrate: 128_000, channel: 1 },
  });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for await (const bytes of stream) {
    chunks.push(new Uint8Array(bytes));
    setStatus('busy', `speech: ${chunks.length} chunks, ${stream.byteLength} bytes`);
  }
  if (audio.src) URL.revokeObjectURL(audio.src);
  audio.src = URL.createObjectURL(new Blob(chunks, { type: 'audio/mpeg' }));
  audio.dataset.bytes = String(stream.byteLength);
  return stream.byteLength;
}

async function run(): Promise<void> {
  try {
    setStatus('busy', 'chat…');
    const answer = await streamChat(prompt.value);
    setStatus('busy', 'speech…');
    const bytes = await streamSpeech(answer);
    // Autoplay may be refused until the user interacts with the page; the controls are there either way.
    audio.play().catch(() => {});
    setStatus('done', `done: ${answer.length} characters of text, ${bytes} bytes of audio`);
  } catch (error) {
    setStatus('error', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

$('ask').addEventListener('submit', (event) => {
  event.preventDefault();
  void run();
});
void run();
