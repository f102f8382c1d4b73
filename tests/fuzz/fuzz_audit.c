/*
 * libFuzzer target: the whole audio audit of a file in memory, as
 * vox-audio and vox-lint run it: our RIFF walk, libsndfile for what the
 * walk cannot answer, the sample scan, the length rules, the set totals
 * and both --stats record formats.  Needs VOXPREP_DATADIR or an
 * installed profile.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "diag.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct profile *prof;
	struct audit_opts o;
	struct audit_file af;
	struct audit_set set = AUDIT_SET_INIT;
	struct diag d = DIAG_INIT;
	struct buf b = BUF_INIT;
	uint8_t flags = size > 0 ? data[size - 1] : 0;

	if (prof == NULL && (prof = profile_load(NULL, &d)) == NULL)
		abort();
	memset(&o, 0, sizeof(o));
	o.prof = prof;
	o.scan = flags & 1;
	o.testing = (flags & 2) != 0;
	o.format = flags & 4 ? STATS_JSONL : STATS_TSV;
	audit_mem(&o, "fuzz.wav", (flags & 8) ? "m.wav" : NULL, data, size,
	    &af);
	audit_stats_header(&b, &o);
	audit_stats_record(&b, &o, "fuzz.wav", &af.f);
	if (af.f.opened)
		audit_set_add(&set, &o, &af.f);
	audit_set_end(&set, &o, "fuzz.wav", &d);
	audit_file_release(&af);
	buf_release(&b);
	diag_release(&d);
	return 0;
}
