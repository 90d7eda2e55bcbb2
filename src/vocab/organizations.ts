// Data for organisation keys (document.organizationKey): the common short
// forms of the genre's body names, and the counties and districts whose city
// can be supplied when a report leaves it out (岳阳楼区… → 岳阳市岳阳楼区…).
// A name is only completed when it is unambiguous: district names that more
// than one city has (鼓楼区, 永定区, 城关区 …) are listed in AMBIGUOUS_PLACES
// and stay as written, so two different units never share a key.

/** Short forms → the full name, longest first where one contains another. */
export const ABBREVIATIONS: [string, string][] = [
  ['市场监管局', '市场监督管理局'],
  ['市监局', '市场监督管理局'],
  ['人社局', '人力资源和社会保障局'],
  ['人力资源社会保障局', '人力资源和社会保障局'],
  ['发改委', '发展和改革委员会'],
  ['发展改革委', '发展和改革委员会'],
  ['发展改革委员会', '发展和改革委员会'],
  ['发改局', '发展和改革局'],
  ['卫健委', '卫生健康委员会'],
  ['卫生健康委', '卫生健康委员会'],
  ['卫健局', '卫生健康局'],
  ['住建局', '住房和城乡建设局'],
  ['住房城乡建设局', '住房和城乡建设局'],
  ['资规局', '自然资源和规划局'],
  ['应急局', '应急管理局'],
  ['医保局', '医疗保障局'],
  ['退役军人局', '退役军人事务局'],
  ['农业农村委', '农业农村委员会'],
  ['工信局', '工业和信息化局'],
  ['科工局', '科学技术和工业信息化局'],
  ['城管局', '城市管理局'],
  ['交通局', '交通运输局'],
  ['统战部', '统一战线工作部'],
];

/** Province names before a city: dropped, since a prefecture-level city's name is unique in the country. */
export const PROVINCE =
  /^(?:[\u4e00-\u9fa5]{2,3}省|[\u4e00-\u9fa5]{2,8}自治区)(?=[\u4e00-\u9fa5]{2,6}(?:市|自治州|地区|盟))/;

/** Hunan's cities and their counties and districts (the samples' province). */
export const CITY_PLACES: Record<string, string[]> = {
  长沙市: ['芙蓉区', '天心区', '岳麓区', '开福区', '雨花区', '望城区', '长沙县', '浏阳市', '宁乡市'],
  株洲市: ['荷塘区', '芦淞区', '石峰区', '天元区', '渌口区', '攸县', '茶陵县', '炎陵县', '醴陵市'],
  湘潭市: ['雨湖区', '岳塘区', '湘潭县', '湘乡市', '韶山市'],
  衡阳市: [
    '珠晖区',
    '雁峰区',
    '石鼓区',
    '蒸湘区',
    '南岳区',
    '衡阳县',
    '衡南县',
    '衡山县',
    '衡东县',
    '祁东县',
    '耒阳市',
    '常宁市',
  ],
  邵阳市: [
    '双清区',
    '大祥区',
    '北塔区',
    '新邵县',
    '邵阳县',
    '隆回县',
    '洞口县',
    '绥宁县',
    '新宁县',
    '城步苗族自治县',
    '武冈市',
    '邵东市',
  ],
  岳阳市: ['岳阳楼区', '云溪区', '君山区', '岳阳县', '华容县', '湘阴县', '平江县', '汨罗市', '临湘市'],
  常德市: ['武陵区', '鼎城区', '安乡县', '汉寿县', '澧县', '临澧县', '桃源县', '石门县', '津市市'],
  张家界市: ['永定区', '武陵源区', '慈利县', '桑植县'],
  益阳市: ['资阳区', '赫山区', '南县', '桃江县', '安化县', '沅江市'],
  郴州市: [
    '北湖区',
    '苏仙区',
    '桂阳县',
    '宜章县',
    '永兴县',
    '嘉禾县',
    '临武县',
    '汝城县',
    '桂东县',
    '安仁县',
    '资兴市',
  ],
  永州市: [
    '零陵区',
    '冷水滩区',
    '东安县',
    '双牌县',
    '道县',
    '江永县',
    '宁远县',
    '蓝山县',
    '新田县',
    '江华瑶族自治县',
    '祁阳市',
  ],
  怀化市: [
    '鹤城区',
    '中方县',
    '沅陵县',
    '辰溪县',
    '溆浦县',
    '会同县',
    '麻阳苗族自治县',
    '新晃侗族自治县',
    '芷江侗族自治县',
    '靖州苗族侗族自治县',
    '通道侗族自治县',
    '洪江市',
  ],
  娄底市: ['娄星区', '双峰县', '新化县', '冷水江市', '涟源市'],
  湘西土家族苗族自治州: ['吉首市', '泸溪县', '凤凰县', '花垣县', '保靖县', '古丈县', '永顺县', '龙山县'],
};

/** Place names more than one city in the country has: never completed with a city. */
export const AMBIGUOUS_PLACES = new Set([
  '永定区',
  '鼓楼区',
  '城关区',
  '新华区',
  '朝阳区',
  '和平区',
  '南县',
  '武陵区',
  '资阳区',
]);
