/*
 * profile-stamp PROFILE XSD: the build's check of the shipped profile.
 * Validates PROFILE against XSD as profile_load() does, then prints the
 * C source of profile_stamp[]: the SHA-256 of each file's bytes.  For
 * those very bytes profile_load() does not validate again: the schema's
 * parse and the validation are half a millisecond of every run of every
 * tool, a twentieth of a header audit of 2,000 files.  If PROFILE is not
 * valid, this says why and exits 1, and the build stops.
 */
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "io.h"
#include "progname.h"
#include "xml.h"

/* This program's own: it links the objects that read it. */
const char profile_stamp[] = "";

int
main(int argc, char *argv[])
{
	struct diag d = DIAG_INIT;
	struct diag_out o = DIAG_OUT_INIT;
	struct buf p = BUF_INIT, x = BUF_INIT;
	struct xml_doc *doc;
	char hp[HASH_HEXLEN], hx[HASH_HEXLEN];
	int rc = 1;

	progname_set(argv[0]);
	if (argc != 3) {
		fprintf(stderr, "usage: profile-stamp profile xsd\n");
		return 2;
	}
	if (io_read_file(argv[1], &p, 0, &d) != 0 ||
	    io_read_file(argv[2], &x, 0, &d) != 0)
		goto out;
	if ((doc = xml_read_mem(p.s, p.len, argv[1], argv[2], &d)) == NULL)
		goto out;
	xml_free(doc);
	hash_mem(p.s, p.len, hp);
	hash_mem(x.s, x.len, hx);
	printf("/* Made by lib/gen/profile-stamp.c from %s and %s. */\n"
	    "const char profile_stamp[] = \"%s %s\";\n", argv[1], argv[2],
	    hp, hx);
	rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
out:
	diag_flush(&o, &d);
	diag_release(&d);
	diag_out_release(&o);
	buf_release(&p);
	buf_release(&x);
	return rc;
}
