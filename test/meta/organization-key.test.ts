// document.organizationKey: one key for one unit however it is written, and
// never one key for two units.
import { expect, test } from 'vitest';
import { organizationKey } from '../../src/meta/document.ts';

test('the same unit written differently gets one key', () => {
  const key = '岳阳市岳阳楼区市场监督管理局';
  for (const name of [
    '岳阳楼区市场监督管理局',
    '岳阳市岳阳楼区市场监督管理局',
    '岳阳楼区市场监管局',
    '湖南省岳阳市岳阳楼区市场监督管理局',
    '岳阳市 岳阳楼区 市场监督管理局（盖章）',
  ]) {
    expect(organizationKey(name), name).toBe(key);
  }
  expect(organizationKey('长沙市发改委')).toBe(organizationKey('长沙市发展和改革委员会'));
  expect(organizationKey('株洲市人社局')).toBe('株洲市人力资源和社会保障局');
  expect(organizationKey('衡阳市卫健委')).toBe('衡阳市卫生健康委员会');
});

test('different units keep different keys', () => {
  const names = [
    '岳阳市市场监督管理局', // the city's bureau, not the district's
    '岳阳市岳阳楼区市场监督管理局',
    '岳阳市岳阳县市场监督管理局',
    '岳阳市岳阳楼区财政局',
    '鼓楼区财政局', // several cities have a 鼓楼区: not completed
    '南京市鼓楼区财政局',
    '福州市鼓楼区财政局',
    '岳阳市财政局第1分局',
    '岳阳市财政局第2分局',
    '衡阳市卫生健康委员会',
    '衡阳市卫生健康局',
  ];
  const keys = names.map(organizationKey);
  expect(new Set(keys).size).toBe(names.length);
  expect(organizationKey('鼓楼区财政局')).toBe('鼓楼区财政局');
  expect(organizationKey(null)).toBeNull();
});
