#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "dataset.h"
#include "diag.h"
#include "profile.h"
#include "template.h"

/*
 * Append to out the skeleton of a transcript for the dataset at path, a
 * folder or a zip: a UTF-8 BOM unless the locale's transcripts are
 * ASCII, then "name<TAB>" and LF for each WAV at its root, in byte order
 * (the dataset's entries are sorted with strcmp).  Returns how many
 * names, or -1 having reported why in d.
 */
long
template_trans(const char *path, const struct locale *loc, struct buf *out,
    struct diag *d)
{
	struct dataset ds = DATASET_INIT;
	size_t i;
	long n = -1;

	if (dataset_open(&ds, path, d) == -1)
		goto out;
	if (!loc->ascii || loc->bom)
		buf_add(out, "\xef\xbb\xbf", 3);
	for (n = 0, i = 0; i < ds.n; i++) {
		if (!dataset_is_root_wav(&ds.v[i]))
			continue;
		buf_add(out, ds.v[i].name, strlen(ds.v[i].name));
		buf_add(out, "\t\n", 2);
		n++;
	}
out:
	dataset_close(&ds);
	return n;
}
