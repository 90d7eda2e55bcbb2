// Chinese word segmentation for labels: @node-rs/jieba (prebuilt binaries for
// every platform, no node-gyp build) with the domain dictionary. Loaded once
// per process, on first use.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { dictionaryText } from '../vocab/dictionary.ts';

export interface Token {
  word: string;
  tag: string;
}

let jieba: Jieba | null = null;

export function tag(text: string): Token[] {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(dictionaryText()));
  }
  return jieba.tag(text, true);
}
