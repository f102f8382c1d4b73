# Fixtures of the vox-segment tests, sourced by each case (sh).
#
# recording NAME PAUSES SENTENCE...: NAME.wav, 44.1 kHz stereo with pink
# noise 60 dB under the speech, made of PAUSES[0] seconds of pause, the
# first sentence spoken by espeak-ng, PAUSES[1] of pause, and so on;
# PAUSES has one more number than there are sentences.  NAME.times gets
# one line per sentence: start and end of its speech (sox trims
# espeak-ng's silence at -60 dB), then the sentence.  Deterministic:
# fixed voice, speed and noise seed (sox -R).
#
# captions FORMAT SHIFTS <NAME.times >FILE: the times as a caption file
# (srt, vtt, textgrid, eaf, labels), cue k moved by the k-th of the
# blank-separated SHIFTS (repeated as needed); "kaldi DIR REC" writes a
# Kaldi data folder instead.  Every format writes the same times in
# milliseconds, so every format must give the same clips.
#
# quiet_ends DIR: one line per clip, "ok" when its first and last 100 ms
# are quiet (sox stats: RMS under -45 dBFS), else the clip and levels.
#
# words FILE: the words of a transcript (or of caption lines), one a
# line, lowercase, punctuation removed.

LC_ALL=C
export LC_ALL

recording() {
	_name=$1 _pauses=$2
	shift 2
	set -- $_pauses "$@"
	# The pauses come first, then the sentences: split them.
	_n=0
	for _p in $_pauses; do _n=$((_n + 1)); done
	_k=0 _t=0 _files=
	_i=0
	for _p in $_pauses; do
		_i=$((_i + 1))
		sox -n -r 22050 -c 1 -b 16 "$T/.p$_i.wav" trim 0 "$_p"
	done
	shift "$_n"
	_i=1
	_files="$T/.p1.wav"
	_t=$(echo "$_pauses" | awk '{ print $1 }')
	: >"$_name.times"
	for _s in "$@"; do
		espeak-ng -v en-gb -s 165 -w "$T/.s$_i.tts" "$_s"
		sox "$T/.s$_i.tts" "$T/.s$_i.wav" silence 1 0.01 -60d \
		    reverse silence 1 0.01 -60d reverse
		_d=$(soxi -D "$T/.s$_i.wav")
		_i=$((_i + 1))
		_p=$(echo "$_pauses" | awk -v i="$_i" '{ print $i }')
		awk -v t="$_t" -v d="$_d" -v s="$_s" 'BEGIN {
		    printf "%.3f %.3f %s\n", t, t + d, s }' >>"$_name.times"
		_t=$(awk -v t="$_t" -v d="$_d" -v p="$_p" \
		    'BEGIN { printf "%.6f", t + d + p }')
		_files="$_files $T/.s$((_i - 1)).wav $T/.p$_i.wav"
	done
	sox $_files "$T/.speech.wav"
	sox -R -n -r 22050 -c 1 -b 16 "$T/.noise.wav" synth \
	    "$(soxi -D "$T/.speech.wav")" pinknoise vol 0.002
	sox -R -m -v 1 "$T/.speech.wav" -v 1 "$T/.noise.wav" -r 44100 -c 2 \
	    "$_name.wav"
	rm -f "$T"/.p*.wav "$T"/.s*.wav "$T"/.s*.tts "$T/.speech.wav" \
	    "$T/.noise.wav"
}

captions() {
	_fmt=$1 _shifts=$2
	case $_fmt in
	kaldi)
		mkdir -p "$3"
		printf '%s %s.wav\n' "$4" "$4" >"$3/wav.scp"
		awk -v sh="$_shifts" -v rec="$4" -v dir="$3" '
		    BEGIN { n = split(sh, s, " ") }
		    {
			x = s[(NR - 1) % n + 1]
			a = $1 + x; b = $2 + x; if (a < 0) a = 0
			$1 = $2 = ""; sub(/^  /, "")
			u = sprintf("%s-%03d", rec, NR)
			printf "%s %s %.3f %.3f\n", u, rec, a, b \
			    >(dir "/segments")
			printf "%s %s\n", u, $0 >(dir "/text")
		    }'
		return
		;;
	esac
	awk -v fmt="$_fmt" -v sh="$_shifts" '
	    function ts(x, sep, h, m, s, ms) {
		ms = int(x * 1000 + 0.5)
		h = int(ms / 3600000); ms -= h * 3600000
		m = int(ms / 60000); ms -= m * 60000
		s = int(ms / 1000); ms -= s * 1000
		return sprintf("%02d:%02d:%02d%s%03d", h, m, s, sep, ms)
	    }
	    BEGIN { n = split(sh, s, " ") }
	    {
		x = s[(NR - 1) % n + 1]
		a[NR] = $1 + x; b[NR] = $2 + x
		if (a[NR] < 0) a[NR] = 0
		$1 = $2 = ""; sub(/^  /, ""); t[NR] = $0
	    }
	    END {
		if (fmt == "vtt")
			print "WEBVTT\n"
		if (fmt == "textgrid") {
			end = b[NR] + 1
			print "File type = \"ooTextFile\""
			print "Object class = \"TextGrid\"\n"
			printf "xmin = 0\nxmax = %.3f\ntiers? <exists>\n", end
			print "size = 1\nitem []:\n    item [1]:"
			print "        class = \"IntervalTier\""
			print "        name = \"speech\""
			printf "        xmin = 0\n        xmax = %.3f\n", end
			printf "        intervals: size = %d\n", 2 * NR + 1
			prev = 0; k = 0
			for (i = 1; i <= NR + 1; i++) {
				lo = i <= NR ? a[i] : end
				printf "        intervals [%d]:\n", ++k
				printf "            xmin = %.3f\n", prev
				printf "            xmax = %.3f\n", lo
				print "            text = \"\""
				if (i > NR)
					break
				printf "        intervals [%d]:\n", ++k
				printf "            xmin = %.3f\n", a[i]
				printf "            xmax = %.3f\n", b[i]
				printf "            text = \"%s\"\n", t[i]
				prev = b[i]
			}
		}
		if (fmt == "eaf") {
			print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			print "<ANNOTATION_DOCUMENT FORMAT=\"3.0\" VERSION=\"3.0\">"
			print "<HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\"/>"
			print "<TIME_ORDER>"
			for (i = 1; i <= NR; i++)
				printf "<TIME_SLOT TIME_SLOT_ID=\"ts%d\" " \
				    "TIME_VALUE=\"%d\"/>\n<TIME_SLOT " \
				    "TIME_SLOT_ID=\"ts%d\" TIME_VALUE=\"%d\"/>\n",
				    2 * i - 1, int(a[i] * 1000 + 0.5), 2 * i,
				    int(b[i] * 1000 + 0.5)
			print "</TIME_ORDER>"
			print "<TIER LINGUISTIC_TYPE_REF=\"u\" TIER_ID=\"speech\">"
			for (i = 1; i <= NR; i++)
				printf "<ANNOTATION><ALIGNABLE_ANNOTATION " \
				    "ANNOTATION_ID=\"a%d\" TIME_SLOT_REF1=\"ts%d\"" \
				    " TIME_SLOT_REF2=\"ts%d\"><ANNOTATION_VALUE>" \
				    "%s</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>" \
				    "</ANNOTATION>\n", i, 2 * i - 1, 2 * i, t[i]
			print "</TIER>"
			print "<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID=\"u\" " \
			    "TIME_ALIGNABLE=\"true\"/>"
			print "</ANNOTATION_DOCUMENT>"
		}
		for (i = 1; fmt == "srt" && i <= NR; i++)
			printf "%d\n%s --> %s\n%s\n\n", i, ts(a[i], ","),
			    ts(b[i], ","), t[i]
		for (i = 1; fmt == "vtt" && i <= NR; i++)
			printf "%s --> %s\n%s\n\n", ts(a[i], "."),
			    ts(b[i], "."), t[i]
		for (i = 1; fmt == "labels" && i <= NR; i++)
			printf "%.3f\t%.3f\t%s\n", a[i], b[i], t[i]
	    }'
}

quiet_ends() {
	for _c in "$1"/*.wav; do
		_a=$(sox "$_c" -n trim 0 0.1 stats 2>&1 |
		    awk '/^RMS lev dB/ { print $4 }')
		_b=$(sox "$_c" -n reverse trim 0 0.1 stats 2>&1 |
		    awk '/^RMS lev dB/ { print $4 }')
		if awk -v a="$_a" -v b="$_b" 'BEGIN { exit !(a < -45 &&
		    b < -45) }'; then
			echo ok
		else
			echo "${_c##*/} starts at $_a dB, ends at $_b dB"
		fi
	done
}

words() {
	tr 'A-Z' 'a-z' <"$1" | tr -c "a-z0-9'\n" ' ' | tr -s ' ' '\n' |
	    sed '/^$/d'
}
