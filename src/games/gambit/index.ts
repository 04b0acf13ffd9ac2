export { readEfg } from "./readEfg.js";
export { type GambitGame, readGambitGame } from "./readGambitGame.js";
export { readNfg } from "./readNfg.js";
export { quote, Tokenizer, TokenKind } from "./tokenizer.js";
export { writeEfg } from "./writeEfg.js";
export { writeNfg } from "./writeNfg.js";
