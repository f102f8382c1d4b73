/*
 * libFuzzer target: the caption and label parsers.  The first byte
 * picks the parser (its low 3 bits) and a tier choice (the next 2); the
 * rest is the file.  A Kaldi folder's files are the rest split at 0x01
 * bytes: segments, text, utt2spk, wav.scp.  Every cue read goes through
 * cap_clean() as well.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "captions.h"
#include "diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const tiers[] = { NULL, "words", "A,B", "" };

static void
kaldi(const char *s, size_t n, const char *tier, struct cues *c,
    struct diag *d)
{
	static const enum cap_kaldi_file order[] = {
		CK_SEGMENTS, CK_TEXT, CK_UTT2SPK, CK_WAVSCP
	};
	struct cap_kaldi k;
	const char *e;
	size_t i;

	memset(&k, 0, sizeof(k));
	k.dir = "fuzz";
	for (i = 0; i < 4 && n > 0; i++) {
		e = memchr(s, '\x01', n);
		k.buf[order[i]] = s;
		k.len[order[i]] = e != NULL ? (size_t)(e - s) : n;
		if (e == NULL)
			break;
		n -= (size_t)(e - s) + 1;
		s = e + 1;
	}
	cap_parse_kaldi(&k, tier, c, d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cues c = CUES_INIT;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;
	const char *s = (const char *)data + 1, *tier;
	char *who, *text;
	size_t n, i;
	int f;

	if (size == 0)
		return 0;
	n = size - 1;
	f = data[0] & 7;
	tier = tiers[(data[0] >> 3) & 3];
	if (f == CAP_KALDI)
		kaldi(s, n, tier, &c, &d);
	else if (f < CAP_NFORMATS)
		cap_parse(s, n, "fuzz", (enum cap_format)f, tier, &c, &d);
	else if (f == 6 && (f = cap_detect(s, n, "fuzz.srt")) >= 0 &&
	    f != CAP_KALDI)
		cap_parse(s, n, "fuzz", (enum cap_format)f, tier, &c, &d);
	else {
		/* cap_clean() takes a string: the rest up to its first NUL. */
		text = malloc(n + 1);
		if (text == NULL)
			return 0;
		memcpy(text, s, n);
		text[n] = '\0';
		cap_clean(text, &out, &who);
		free(who);
		free(text);
	}
	for (i = 0; i < c.n; i++) {
		buf_reset(&out);
		cap_clean(c.v[i].text, &out, &who);
		free(who);
	}
	cues_release(&c);
	diag_release(&d);
	buf_release(&out);
	return 0;
}
