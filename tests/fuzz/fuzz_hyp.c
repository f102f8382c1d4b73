/*
 * libFuzzer target: the hypothesis readers on arbitrary bytes (each
 * format and detection), then scoring what was read against itself
 * and against the first half, under both cost models, with alternates
 * and normalization on, and as display text for the token error rate
 * (its classifier and re-pairing).  The ICU objects are opened once, as
 * a tool does.
 */
#include <stdint.h>
#include <stdlib.h>

#include "align.h"
#include "buf.h"
#include "diag.h"
#include "hyp.h"
#include "wer.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct wer *w, *zh, *ter;
	static struct align *al, *ul;
	static struct wer_opts o = { "en-US", WER_UNIT_WORD, 1, 1, 1 };
	static struct wer_opts oz = { "zh-CN", WER_UNIT_MIXED, 1, 0, 1 };
	struct hyp_set a = HYP_SET_INIT, b = HYP_SET_INIT;
	struct wer_result r = WER_RESULT_INIT;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;
	const char *s = (const char *)data;
	enum hyp_format f;

	if (w == NULL) {
		if ((w = wer_open(&o, &d)) == NULL ||
		    (zh = wer_open(&oz, &d)) == NULL ||
		    (ter = wer_open(&o, &d)) == NULL ||
		    wer_ter(ter, ALIGN_UNIT, &d) == -1)
			abort();
		al = align_new(ALIGN_SCLITE);
		ul = align_new(ALIGN_UNIT);
		align_set_block(ul, 16);	/* split often */
	}
	f = size > 0 ? (enum hyp_format)(data[0] % 5) : HYP_AUTO;
	hyp_read(&a, s, size, "a", f, (enum hyp_field)(size % 4), &d);
	hyp_read(&b, s, size / 2, "b", HYP_AUTO, HYP_LEXICAL, &d);
	hyp_index(&a, &d);
	hyp_index(&b, &d);
	wer_score(w, al, &a, &b, WER_SHOW_ALIGN, &out, &r, &d);
	wer_score(zh, ul, &b, &a, WER_SHOW_JSONL, &out, &r, &d);
	wer_score(ter, ul, &a, &b, WER_SHOW_ALIGN, &out, &r, &d);
	wer_kaldi(&r.sum, WER_UNIT_MIXED, &out);
	wer_result_release(&r);
	hyp_set_release(&a);
	hyp_set_release(&b);
	buf_release(&out);
	diag_release(&d);
	return 0;
}
