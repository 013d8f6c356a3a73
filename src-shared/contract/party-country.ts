/**
 * Where a party is established, as far as the contract's form goes: a
 * company in mainland China signs under its company seal (盖章) by its legal
 * or authorised representative (法定代表人或授权代表), in every language of
 * the contract; any other company signs by an authorised signatory, with no
 * seal line and no 法定代表人; both parties in the United States sign on US
 * Letter paper.
 *
 * The draft has no country field: the country is read from the party's
 * address (a country named at its end, or a US state and ZIP code) and its
 * registration number (an 18-character unified social credit code is
 * Chinese). A party whose country cannot be told is null: it signs as a
 * party outside mainland China does.
 */
import { TEXT_LANGUAGES } from '../model/localized';
import type { Party } from '../model/schema';

export type PartyCountry = 'US' | 'CN';

const US_AT_END = /(?:\bUnited States(?: of America)?|\bU\.S\.A\.?|\bUSA|\bU\.S\.|美国)[\s.,;]*$/iu;
/** "…, New York, NY 10013" at the end of an address. */
const US_STATE_ZIP = /,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?[\s.,;]*$/u;
const CN_AT_END = /(?:\bP\.?\s?R\.?\s?C\.?|People'?s Republic of China|\bChina|中华人民共和国|中国)[\s.,;]*$/iu;
/** A Chinese address: province, city or district written in Chinese. */
const CN_ADDRESS = /(?:省|自治区|市).*(?:区|县|市|路|街|号)/u;
const OTHER_COUNTRY_AT_END =
  /(?:United Kingdom|\bUK|England|Scotland|Wales|Germany|Deutschland|France|Singapore|Japan|Hong Kong|香港|Macau|澳门|Taiwan|台湾|Canada|Australia)[\s.,;]*$/iu;
/** The unified social credit code (统一社会信用代码) of a Chinese entity. */
const USCC = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/u;

/** Where a party is established, read from its address in either language (the English one first) and its registration number. */
export function partyCountry(party: Pick<Party, 'address' | 'registrationNumber'>): PartyCountry | null {
  const addresses = TEXT_LANGUAGES.map((language) => party.address[language].trim()).filter((address) => address !== '');
  for (const address of addresses) {
    const country = countryOfAddress(address);
    if (country !== undefined) return country;
  }
  if (USCC.test((party.registrationNumber ?? '').trim()) || addresses.some((address) => CN_ADDRESS.test(address))) return 'CN';
  return null;
}

/** The country an address names at its end; null when it names one we do not tell apart; undefined when it names none. */
function countryOfAddress(address: string): PartyCountry | null | undefined {
  if (US_AT_END.test(address) || US_STATE_ZIP.test(address)) return 'US';
  if (CN_AT_END.test(address)) return 'CN';
  if (OTHER_COUNTRY_AT_END.test(address)) return null;
  return undefined;
}

/** Whether a party signs under a company seal by its legal or authorised representative: a party established in mainland China. */
export function signsUnderSeal(party: Pick<Party, 'address' | 'registrationNumber'>): boolean {
  return partyCountry(party) === 'CN';
}
