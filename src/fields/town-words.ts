// Malaysia's post towns and states (Pos Malaysia's list, as the malaysia-postcodes package ships
// it): each postcode's town, for fields/post-towns, and the towns' words, for the vocabulary an
// address's look-alike letters are put right to (fields/repair): "BERJUNTAI", "SEKINCHAN",
// "KEMBANGAN". Only words of seven letters or more: the shorter ones, one stroke apart from the
// street words and flowers addresses print ("NAWAR", "DARO" beside MAWAR, DARUL), would put right
// what was read right. All of them, four letters or more, are words a header prints (headerWord),
// which a recogniser's reading of the line confirms.
import { allPostcodes } from 'malaysia-postcodes';

/** A town's word shorter than this is too often one look-alike away from another word. */
const SHORTEST = 7;

/** Each postcode's town, upper case (null where the list gives a postcode two towns): fields/post-towns. */
export const TOWN_OF = new Map<string, string | null>();
for (const state of allPostcodes)
  for (const city of state.city)
    for (const code of city.postcode) {
      const town = city.name.toUpperCase();
      TOWN_OF.set(code, TOWN_OF.has(code) && TOWN_OF.get(code) !== town ? null : town);
    }

/** Every word of four letters or more of the towns' and states' names. */
export const TOWN_WORDS: ReadonlySet<string> = new Set(
  allPostcodes
    .flatMap((state) => [state.name, ...state.city.map((c) => c.name)])
    .flatMap((name) => name.toUpperCase().split(/[^\p{L}]+/u))
    .filter((w) => w.length >= 4),
);

/** Of those, the words of SHORTEST letters or more. */
export const POST_TOWN_WORDS: readonly string[] = [...TOWN_WORDS].filter((w) => w.length >= SHORTEST);
