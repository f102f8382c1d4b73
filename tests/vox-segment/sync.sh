# Captions made for another cut of the audio: all 1.5 s late.  The
# estimate finds the offset (SEG-SYNC); without --sync the cuts are
# searched in the wrong places, with it the clips are those of captions
# in time.  On speech as regular as a clock the estimate is unsure (any
# offset by a tick fits as well) and not applied.
. ./data/fixture.sh
cd "$T" || exit
recording talk "1.0 0.8 1.5 3.0 0.6 1.2" \
    "Welcome to the returns training." \
    "Every return needs a receipt or an order number." \
    "Refunds go back to the card that paid." \
    "Store credit never expires." \
    "Thank you for listening."
captions srt 0 <talk.times >good.srt
captions srt 1.5 <talk.times >late.srt
$VALGRIND "$TOOLDIR/vox-segment" -o late talk.wav late.srt 2>&1
echo "rc $?"
$VALGRIND "$TOOLDIR/vox-segment" --sync -o synced talk.wav late.srt 2>&1
echo "rc $?"
"$TOOLDIR/vox-segment" -q -o good talk.wav good.srt
diff -r good synced && echo "--sync: the clips of captions in time"
recording ticks "0.7 0.7 0.7 0.7 0.7 0.7 0.7" Yes. Yes. Yes. Yes. Yes. Yes.
captions srt 0 <ticks.times >ticks.srt
$VALGRIND "$TOOLDIR/vox-segment" --sync -o ticks ticks.wav ticks.srt 2>&1
echo "rc $?"
