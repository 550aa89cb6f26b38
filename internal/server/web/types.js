// types.js names sitrep's codes for people: the 16 PLOVER event types
// with their colours (defined once, in app.css, as --t-TYPE), the
// modalities, and the reasons an incident needs review.

// TYPES are the PLOVER event types with a short gloss.
export const TYPES = [
  ['ASSAULT', 'attack, killing, bombing'],
  ['COERCE', 'arrest, seizure, curfew'],
  ['THREATEN', 'threat of force or sanction'],
  ['MOBILIZE', 'troops, police or militia deployed'],
  ['PROTEST', 'demonstration, riot, strike'],
  ['SANCTION', 'conviction, expulsion, sanction'],
  ['ACCUSE', 'accusation, investigation'],
  ['REJECT', 'refusal of a demand'],
  ['REQUEST', 'appeal or demand'],
  ['RETREAT', 'withdrawal, release, ceasefire'],
  ['CONCEDE', 'concession'],
  ['AGREE', 'agreement'],
  ['CONSULT', 'meeting, talks, visit'],
  ['SUPPORT', 'statement of support'],
  ['COOPERATE', 'cooperation'],
  ['AID', 'aid delivered'],
];

// typeClass is the CSS class that colours things of type t.
export function typeClass(t) {
  return 't-' + String(t || 'OTHER').replace(/[^A-Za-z_]/g, '');
}

const colours = new Map();

// colour is the colour of type t, read from the style sheet.
export function colour(t) {
  if (!colours.has(t)) {
    const css = getComputedStyle(document.documentElement);
    colours.set(t, css.getPropertyValue('--' + typeClass(t)).trim() || css.getPropertyValue('--t-OTHER').trim() || '#777');
  }
  return colours.get(t);
}

// MODALITIES say plainly how the reports present an event.
export const MODALITIES = {
  asserted: 'reported as fact',
  alleged: 'alleged: the report hedges (“reportedly”, “allegedly”)',
  claimed: 'claimed by a party to it',
  denied: 'denied',
  negated: 'reported as not having happened',
  planned: 'planned or intended, not yet done',
  threatened: 'threatened',
  hypothetical: 'hypothetical',
};

// NEEDS explain why an incident waits for a reviewer.
export const NEEDS = {
  low_confidence: 'low confidence',
  conflicting_figures: 'the sources give different figures',
  unresolved_place: 'the place is not resolved to coordinates',
};
