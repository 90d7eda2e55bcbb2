// Chinese word segmentation for labels: @node-rs/jieba (prebuilt binaries for
// every platform, no node-gyp build) with the domain dictionary. Loaded once
// per process, on first use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { dictionaryText } from '../vocab/dictionary.ts';

export interface Token {
  word: string;
  tag: string;
}

let jieba: Jieba | null = null;

/** `hmm`: also words jieba guesses (its hidden Markov model) beyond its dictionary's. */
export function tag(text: string, hmm = true): Token[] {
  if (!jieba) {
    // jieba's own dictionary (dict.txt), the file `@node-rs/jieba/dict.js` reads — read here when first needed: that
    // module also reads the keyword weights (idf.txt, 6 MB) on import, which segmentation never uses.
    jieba = Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')));
    jieba.loadDict(Buffer.from(dictionaryText()));
  }
  return jieba.tag(text, hmm);
}
