// Reading and checking hOCR and ALTO files with @xmldom/xmldom: the rules of the hOCR 1.2
// spec (classes, their nesting, the title properties) and of the ALTO v4 schema
// (alto-4-4.xsd: required attributes, attribute types, which element holds which, in which
// order). The schema itself is third-party and is not copied into this repository; these
// checks are its rules for the elements the exporter writes, each a list of problems found.
import { DOMParser } from '@xmldom/xmldom';

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
export const ALTO_NS = 'http://www.loc.gov/standards/alto/ns-v4#';

type El = Element;
type Box = [number, number, number, number];

/** The document; any parse error or warning throws. */
export function parseXml(text: string, mime: 'application/xml' | 'application/xhtml+xml' = 'application/xml'): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level: string, message: string) => void problems.push(`${level}: ${message}`) }).parseFromString(text, mime) as unknown as Document;
  if (problems.length > 0) throw new Error(`not well-formed XML: ${problems.join('; ')}`);
  return doc;
}

export function elements(parent: Node): El[] {
  const out: El[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as El);
  return out;
}

/** Every element under the node, in document order. */
export function descendants(node: Node): El[] {
  const out: El[] = [];
  for (const el of elements(node)) out.push(el, ...descendants(el));
  return out;
}

const classes = (el: El) => (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
const ocrClass = (el: El) => classes(el).find((c) => /^ocrx?_/.test(c));

/** An hOCR title's properties: "bbox 1 2 3 4; x_wconf 95" → { bbox: ['1','2','3','4'], x_wconf: ['95'] }. */
export function hocrProps(el: El): Record<string, string[]> {
  const props: Record<string, string[]> = {};
  for (const part of (el.getAttribute('title') ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) props[name] = values;
  }
  return props;
}

const within = (inner: Box, outer: Box) => inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

export interface HocrWord {
  id: string;
  text: string;
  bbox: Box;
  wconf: number;
  /** the page's ppageno */
  page: number;
}

export function hocrWords(doc: Document): HocrWord[] {
  return descendants(doc.documentElement)
    .filter((el) => ocrClass(el) === 'ocrx_word')
    .map((el) => {
      let page: El | null = el;
      while (page && ocrClass(page) !== 'ocr_page') page = page.parentNode as El | null;
      const p = hocrProps(el);
      return { id: el.getAttribute('id') ?? '', text: el.textContent ?? '', bbox: (p.bbox ?? []).map(Number) as Box, wconf: Number(p.x_wconf?.[0]), page: Number(page ? hocrProps(page).ppageno?.[0] : NaN) };
    });
}

/** Each element's chain of hOCR classes from the page down, e.g. "ocr_page>ocr_carea>ocr_par>ocr_line>ocrx_word". */
export function hocrPaths(doc: Document, lineLike: RegExp = /^ocr_line$/): Set<string> {
  const paths = new Set<string>();
  const walk = (el: El, path: string[]) => {
    let c = ocrClass(el);
    if (c && lineLike.test(c)) c = 'ocr_line';
    const here = c ? [...path, c] : path;
    if (c) paths.add(here.join('>'));
    for (const child of elements(el)) walk(child, here);
  };
  walk(doc.documentElement, []);
  return paths;
}

const PARENT: Record<string, string> = { ocr_carea: 'ocr_page', ocr_par: 'ocr_carea', ocr_line: 'ocr_par', ocrx_word: 'ocr_line' };
const UINT = /^\d+$/;

/** Problems with an hOCR 1.2 document: its head, classes, nesting, boxes, confidences, ids. */
export function checkHocr(doc: Document): string[] {
  const problems: string[] = [];
  const root = doc.documentElement;
  if (root.localName !== 'html' || root.namespaceURI !== XHTML_NS) problems.push(`root is ${root.namespaceURI} ${root.localName}, not XHTML html`);
  const metas = descendants(root).filter((el) => el.localName === 'meta');
  const meta = (name: string) => metas.find((m) => m.getAttribute('name') === name)?.getAttribute('content');
  if (!meta('ocr-system')) problems.push('no ocr-system meta');
  const capabilities = (meta('ocr-capabilities') ?? '').split(/\s+/).filter(Boolean);
  const all = descendants(root);
  const body = all.find((el) => el.localName === 'body');
  if (!body) problems.push('no body');
  const ids = new Set<string>();
  let pages = 0;
  for (const el of all) {
    const id = el.getAttribute('id');
    if (id !== null && id !== '') {
      if (ids.has(id)) problems.push(`id ${id} twice`);
      ids.add(id);
    }
    const c = ocrClass(el);
    if (!c) continue;
    if (!capabilities.includes(c)) problems.push(`${c} is used but not in ocr-capabilities`);
    if (!id) problems.push(`a ${c} without an id`);
    const props = hocrProps(el);
    const b = props.bbox;
    if (!b || b.length !== 4 || !b.every((v) => UINT.test(v))) {
      problems.push(`${id}: bbox ${JSON.stringify(b)} is not four unsigned integers`);
      continue;
    }
    const box = b.map(Number) as Box;
    if (box[0] > box[2] || box[1] > box[3]) problems.push(`${id}: bbox ${b.join(' ')} is inside out`);
    if (c === 'ocr_page') {
      pages++;
      if (el.parentNode !== body) problems.push(`${id}: an ocr_page outside body`);
      if (!props.ppageno || !UINT.test(props.ppageno[0] ?? '')) problems.push(`${id}: no ppageno`);
    } else {
      const parent = el.parentNode as El;
      const want = PARENT[c];
      if (want && ocrClass(parent) !== want) problems.push(`${id}: a ${c} in ${ocrClass(parent) ?? parent.localName}, not in ${want}`);
      const pb = (hocrProps(parent).bbox ?? []).map(Number) as Box;
      if (pb.length === 4 && !within(box, pb)) problems.push(`${id}: bbox ${b.join(' ')} outside its ${ocrClass(parent)}'s ${pb.join(' ')}`);
    }
    if (c === 'ocrx_word') {
      const conf = props.x_wconf?.[0] ?? '';
      if (!capabilities.includes('ocrp_wconf')) problems.push('x_wconf without ocrp_wconf in ocr-capabilities');
      if (!UINT.test(conf) || Number(conf) > 100) problems.push(`${id}: x_wconf ${conf} is not an integer 0..100`);
      if (!(el.textContent ?? '').trim()) problems.push(`${id}: an empty word`);
      if (elements(el).length > 0) problems.push(`${id}: a word with elements inside`);
    }
    if (c === 'ocr_par' && el.localName !== 'p') problems.push(`${id}: an ocr_par on <${el.localName}>`);
  }
  const count = meta('ocr-number-of-pages');
  if (count !== undefined && count !== null && Number(count) !== pages) problems.push(`ocr-number-of-pages ${count} but ${pages} pages`);
  // Pages in order of ppageno.
  const order = all.filter((el) => ocrClass(el) === 'ocr_page').map((el) => Number(hocrProps(el).ppageno?.[0]));
  if (order.some((n, i) => i > 0 && n <= order[i - 1]!)) problems.push(`pages out of order: ${order.join(',')}`);
  return problems;
}

// ---- ALTO v4 ----

const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^(INF|-INF|NaN)$/;
// xsd:NCName, for the ASCII names and the letters of any script.
const NCNAME = /^[\p{L}_][\p{L}\p{N}_.\-\u00b7\u0300-\u036f\u203f\u2040]*$/u;
const DATETIME = /^-?\d{4,}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$|^-?\d{4,}(-\d{2})?(Z|[+-]\d{2}:\d{2})?$/;

interface Rule {
  /** attributes the schema allows, with their type; required ones marked ! */
  attrs: Record<string, 'float' | 'id' | 'string' | 'wc' | 'idref' | 'language' | 'boolean'>;
  required?: string[];
  /** the element's content: child names in order, as a regular expression over "Name," */
  content?: RegExp;
  text?: boolean;
}

const BOX = { HPOS: 'float', VPOS: 'float', WIDTH: 'float', HEIGHT: 'float' } as const;
const RULES: Record<string, Rule> = {
  alto: { attrs: { SCHEMAVERSION: 'string' }, content: /^(Description,)?(Styles,)?(Tags,)?(ReadingOrder,)?Layout,$/ },
  Description: { attrs: {}, content: /^MeasurementUnit,(sourceImageInformation,)?(OCRProcessing,)*(Processing,)*$/ },
  MeasurementUnit: { attrs: {}, text: true },
  sourceImageInformation: { attrs: {}, content: /^(fileName,)?(fileIdentifier,)*(documentIdentifier,)*$/ },
  fileName: { attrs: {}, text: true },
  Processing: { attrs: { ID: 'id' }, required: ['ID'], content: /^(processingCategory,)?(processingDateTime,)?(processingAgency,)?(processingStepDescription,)*(processingStepSettings,)?(processingSoftware,)?$/ },
  processingDateTime: { attrs: {}, text: true },
  processingStepSettings: { attrs: {}, text: true },
  processingStepDescription: { attrs: {}, text: true },
  processingSoftware: { attrs: {}, content: /^(softwareCreator,)?(softwareName,)?(softwareVersion,)?(applicationDescription,)?$/ },
  softwareName: { attrs: {}, text: true },
  softwareVersion: { attrs: {}, text: true },
  Layout: { attrs: { STYLEREFS: 'idref' }, content: /^(Page,)+$/ },
  Page: {
    attrs: { ID: 'id', PAGECLASS: 'string', STYLEREFS: 'idref', PROCESSINGREFS: 'idref', HEIGHT: 'float', WIDTH: 'float', PHYSICAL_IMG_NR: 'float', PRINTED_IMG_NR: 'string', ACCURACY: 'float', ROTATION: 'float', LANG: 'language' },
    required: ['ID', 'PHYSICAL_IMG_NR'],
    content: /^(TopMargin,)?(LeftMargin,)?(RightMargin,)?(BottomMargin,)?(PrintSpace,)?$/,
  },
  PrintSpace: { attrs: { ID: 'id', STYLEREFS: 'idref', PROCESSINGREFS: 'idref', ...BOX }, content: /^(Shape,)?((TextBlock|Illustration|GraphicalElement|ComposedBlock),)*$/ },
  TextBlock: { attrs: { ID: 'id', STYLEREFS: 'idref', TAGREFS: 'idref', PROCESSINGREFS: 'idref', ...BOX, ROTATION: 'float', IDNEXT: 'idref', CS: 'boolean', LANG: 'language', language: 'language' }, required: ['ID'], content: /^(Shape,)?(TextLine,)*$/ },
  TextLine: { attrs: { ID: 'id', STYLEREFS: 'idref', TAGREFS: 'idref', PROCESSINGREFS: 'idref', ...BOX, BASELINE: 'string', LANG: 'language', CS: 'boolean' }, content: /^(Shape,)?(String,(SP,)?)+(HYP,)?$/ },
  String: { attrs: { ID: 'id', STYLEREFS: 'idref', TAGREFS: 'idref', PROCESSINGREFS: 'idref', ...BOX, CONTENT: 'string', WC: 'wc', CC: 'string', CS: 'boolean', LANG: 'language' }, required: ['CONTENT'], content: /^(Shape,)?(ALTERNATIVE,)*(Glyph,)*$/ },
  SP: { attrs: { ID: 'id', ...BOX }, content: /^$/ },
};

/** Problems with an ALTO v4 document, by the schema's rules for the elements written here. */
export function checkAlto(doc: Document): string[] {
  const problems: string[] = [];
  const root = doc.documentElement;
  if (root.localName !== 'alto') problems.push(`root is ${root.localName}`);
  const ids = new Set<string>();
  for (const el of [root, ...descendants(root)]) {
    const name = el.localName;
    const where = `${name}${el.getAttribute('ID') ? ` ${el.getAttribute('ID')}` : ''}`;
    if (el.namespaceURI !== ALTO_NS) {
      problems.push(`${where} is in namespace ${el.namespaceURI}`);
      continue;
    }
    const rule = RULES[name];
    if (!rule) {
      problems.push(`${where}: an element this check does not know`);
      continue;
    }
    for (const r of rule.required ?? []) if (!el.hasAttribute(r)) problems.push(`${where}: no ${r}`);
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes[i]!;
      if (a.name.startsWith('xmlns') || a.namespaceURI === 'http://www.w3.org/2001/XMLSchema-instance') continue;
      const type = rule.attrs[a.name];
      if (!type) {
        problems.push(`${where}: attribute ${a.name} not in the schema`);
        continue;
      }
      const v = a.value;
      if (type === 'float' && !FLOAT.test(v)) problems.push(`${where}: ${a.name}="${v}" is not an xsd:float`);
      if (type === 'wc' && !(FLOAT.test(v) && Number(v) >= 0 && Number(v) <= 1)) problems.push(`${where}: WC="${v}" is not a float in 0..1`);
      if (type === 'id') {
        if (!NCNAME.test(v)) problems.push(`${where}: ID "${v}" is not an NCName`);
        if (ids.has(v)) problems.push(`ID ${v} twice`);
        ids.add(v);
      }
      if (type === 'boolean' && !/^(true|false|1|0)$/.test(v)) problems.push(`${where}: ${a.name}="${v}" is not an xsd:boolean`);
    }
    const kids = elements(el).map((k) => `${k.localName},`).join('');
    if (rule.content && !rule.content.test(kids)) problems.push(`${where}: holds ${kids || 'nothing'}, which the schema does not allow`);
    if (rule.text && elements(el).length > 0) problems.push(`${where}: elements in a text-only element`);
    if (!rule.text) {
      for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && n.nodeValue!.trim()) problems.push(`${where}: text in an element-only element`);
    }
    if (name === 'MeasurementUnit' && !/^(pixel|mm10|inch1200)$/.test(el.textContent ?? '')) problems.push(`MeasurementUnit ${el.textContent}`);
    if (name === 'processingDateTime' && !DATETIME.test(el.textContent ?? '')) problems.push(`processingDateTime ${el.textContent} is not a date or dateTime`);
  }
  return problems;
}

export interface AltoString {
  id: string;
  content: string;
  box: Box;
  wc: number;
}

/** Every String, in document order, its box as [HPOS, VPOS, HPOS+WIDTH, VPOS+HEIGHT]. */
export function altoStrings(doc: Document): AltoString[] {
  return descendants(doc.documentElement)
    .filter((el) => el.localName === 'String')
    .map((el) => {
      const n = (a: string) => Number(el.getAttribute(a));
      return { id: el.getAttribute('ID') ?? '', content: el.getAttribute('CONTENT') ?? '', box: [n('HPOS'), n('VPOS'), n('HPOS') + n('WIDTH'), n('VPOS') + n('HEIGHT')], wc: n('WC') };
    });
}

/** Each element's chain of names from Layout down, e.g. "Layout>Page>PrintSpace>TextBlock>TextLine>String"; `skip` names left out of the chains. */
export function altoPaths(doc: Document, skip: string[] = []): Set<string> {
  const paths = new Set<string>();
  const layout = descendants(doc.documentElement).find((el) => el.localName === 'Layout');
  const walk = (el: El, path: string[]) => {
    const here = skip.includes(el.localName!) ? path : [...path, el.localName!];
    paths.add(here.join('>'));
    for (const child of elements(el)) walk(child, here);
  };
  if (layout) walk(layout, []);
  return paths;
}
