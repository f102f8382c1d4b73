<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US">
  <lexeme>
    <grapheme>Xbox</grapheme>
    <phoneme>ˈɛksbɒks</phoneme>
  </lexeme>
  <lexeme>
    <grapheme>   </grapheme>
    <alias>  </alias>
  </lexeme>
  <lexeme>
    <grapheme></grapheme>
    <alias>see three P O</alias>
  </lexeme>
</lexicon>
