/**
 * Selten's chain-store stage game in Gambit's .efg format, written by hand: the entrant stays
 * out (0, 2) or enters; the incumbent then fights (−1, −1) or accommodates (1, 1). Two pure
 * equilibria, (out, fight) and (in, accommodate); only the second is subgame perfect.
 */
export const ENTRY_EFG = `EFG 2 R "entry" { "Entrant" "Incumbent" }
""
p "" 1 1 "" { "out" "in" } 0
t "" 1 "stay out" { 0, 2 }
p "" 2 1 "" { "fight" "accommodate" } 0
t "" 2 "fight" { -1, -1 }
t "" 3 "share" { 1, 1 }
`;
