<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon">
  <lexeme>
    <grapheme>W3C</grapheme>
    <alias>World Wide Web</alias>
  </lexem>
</lexicon>
