// Mail domains worth a warning: Japanese mobile-carrier addresses (their receive filters often
// drop mail from computers) and likely typos of the domains job seekers use most.

/** Carrier mail domains; subdomains count too (e.g. t.vodafone.ne.jp, biz.ezweb.ne.jp). */
const CARRIER_DOMAINS = [
  'docomo.ne.jp',
  'mopera.net',
  'ezweb.ne.jp',
  'au.com',
  'uqmobile.jp',
  'softbank.ne.jp',
  'i.softbank.jp',
  'vodafone.ne.jp',
  'disney.ne.jp',
  'ymobile.ne.jp',
  'y-mobile.ne.jp',
  'ymobile1.ne.jp',
  'emobile.ne.jp',
  'emobile-s.ne.jp',
  'willcom.com',
  'pdx.ne.jp',
  'wcm.ne.jp',
  'rakumail.jp',
];

/** The carrier domain `domain` belongs to, or null. */
export function carrierDomainOf(domain: string): string | null {
  const d = domain.toLowerCase();
  return CARRIER_DOMAINS.find((c) => d === c || d.endsWith(`.${c}`)) ?? null;
}

/** Misspellings seen in practice, and what was meant. */
const KNOWN_TYPOS: Readonly<Record<string, string>> = {
  'gmail.co': 'gmail.com',
  'gmail.co.jp': 'gmail.com',
  'gmail.jp': 'gmail.com',
  'gmail.ne.jp': 'gmail.com',
  'gmail.com.jp': 'gmail.com',
  'gmai.com': 'gmail.com',
  'gmial.com': 'gmail.com',
  'gamil.com': 'gmail.com',
  'gmal.com': 'gmail.com',
  'gmaill.com': 'gmail.com',
  'gmeil.com': 'gmail.com',
  'gnail.com': 'gmail.com',
  'g-mail.com': 'gmail.com',
  'yahoo.co.jpp': 'yahoo.co.jp',
  'yahoo.co.j': 'yahoo.co.jp',
  'yahoo.cojp': 'yahoo.co.jp',
  'yahoo.co.pj': 'yahoo.co.jp',
  'yahoo.ne.jp': 'yahoo.co.jp',
  'yahoo.jp': 'yahoo.co.jp',
  'yaho.co.jp': 'yahoo.co.jp',
  'yahooo.co.jp': 'yahoo.co.jp',
  'yhoo.co.jp': 'yahoo.co.jp',
  'icloud.co': 'icloud.com',
  'icloud.co.jp': 'icloud.com',
  'icloud.jp': 'icloud.com',
  'iclod.com': 'icloud.com',
  'icoud.com': 'icloud.com',
  'icluod.com': 'icloud.com',
  'docomo.co.jp': 'docomo.ne.jp',
  'docomo.ne.j': 'docomo.ne.jp',
  'docomo.jp': 'docomo.ne.jp',
  'docomo.com': 'docomo.ne.jp',
  'ezweb.co.jp': 'ezweb.ne.jp',
  'ezweb.jp': 'ezweb.ne.jp',
  'softbank.jp': 'i.softbank.jp',
  'isoftbank.jp': 'i.softbank.jp',
  'i.softbank.ne.jp': 'i.softbank.jp',
  'hotmail.co': 'hotmail.com',
  'hotmai.com': 'hotmail.com',
  'hotmial.com': 'hotmail.com',
  'outlook.co': 'outlook.com',
  'outlook.co.jp': 'outlook.jp',
};

/** Domains the edit-distance guess compares with; long enough that one slip is not a real domain. */
const POPULAR_DOMAINS = [
  'gmail.com',
  'yahoo.co.jp',
  'icloud.com',
  'docomo.ne.jp',
  'ezweb.ne.jp',
  'softbank.ne.jp',
  'i.softbank.jp',
  'outlook.jp',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.jp',
  'ybb.ne.jp',
  'nifty.com',
  'ocn.ne.jp',
  'biglobe.ne.jp',
];

/** Real domains one edit away from a popular one: no guess for these. */
const REAL_NEIGHBOURS = new Set(['email.com', 'gmx.com', 'ymail.com', 'mail.com', 'hotmail.co.uk']);

/** Top-level slips: gmail.con → gmail.com, yahoo.co.jpp → yahoo.co.jp. */
const TLD_TYPOS: readonly [RegExp, string][] = [
  [/\.(?:con|cpm|cmo|ocm|xom|vom|comm|c0m|coom)$/, '.com'],
  [/\.(co|ne|or|ac|go)\.(?:jpp|jo|pj|j|jpn)$/, '.$1.jp'],
  [/\.(co|ne|or|ac|go)jp$/, '.$1.jp'],
  [/\.jpp$/, '.jp'],
];

/** What `domain` was probably meant to be, or null when it looks right. */
export function typoSuggestion(domain: string): string | null {
  const d = domain.toLowerCase();
  if (POPULAR_DOMAINS.includes(d) || carrierDomainOf(d) !== null || REAL_NEIGHBOURS.has(d)) {
    return null;
  }
  const known = KNOWN_TYPOS[d];
  if (known !== undefined) return known;
  for (const [pattern, replacement] of TLD_TYPOS) {
    if (pattern.test(d)) return d.replace(pattern, replacement);
  }
  const near = POPULAR_DOMAINS.find((p) => p.length >= 9 && isOneEditAway(d, p));
  return near ?? null;
}

/** One insertion, deletion, substitution or swap of neighbours turns a into b. */
function isOneEditAway(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [i, j] = diffs;
    return diffs.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  return shorter.slice(i) === longer.slice(i + 1);
}
