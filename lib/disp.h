/*
 * Display-format files (the OutputFormatting kind): the four sections
 * #itn, #rewrite, #profanity and #test, the #itn pattern compiler, and
 * the display pipeline that turns lexical text into display text.
 * A struct disp owns copies of everything it keeps (the buffer, name
 * and locale given to disp_parse() are not kept); disp_free() releases
 * it.  Output goes to a caller's struct buf, findings to its diag.  A
 * struct disp is not thread-safe: disp_apply() keeps its caches (the
 * patterns' automaton, number readings) in it; use one per thread.
 */
#ifndef VOX_DISP_H
#define VOX_DISP_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "profile.h"

struct disp;

/*
 * Parse a display-format file from memory (a leading BOM is skipped)
 * and check the DISP-* rules of its content, invalid UTF-8, NUL bytes
 * and UTF-16 (DISP-ENC) among them; the file-level rules (size,
 * extension, BOM, locale) are md_check_file()'s.  A NULL locale means
 * en-US.  Lines that break a rule are left out of the
 * model, as the service drops them.  Never returns NULL.
 * disp_parse() uses the spec's section limits (200 #itn patterns,
 * 1,000 #rewrite and #profanity lines); disp_parse_prof() takes them
 * from a profile.
 */
struct disp	*disp_parse(const char *, size_t, const char *,
		    const struct locale *, struct diag *);
struct disp	*disp_parse_prof(const char *, size_t, const char *,
		    const struct profile *, const struct locale *,
		    struct diag *);
void		 disp_free(struct disp *);

/* What disp_apply() changed in a line, as a bit set. */
#define DISP_BUILTIN	0x01	/* built-in ITN of spoken numbers */
#define DISP_ITN	0x02	/* an #itn pattern */
#define DISP_REWRITE	0x04	/* a #rewrite line */
#define DISP_PROFANITY	0x08	/* a #profanity phrase was masked */
#define DISP_CAPITAL	0x10	/* the first letter was capitalized */

/*
 * Append the display form of one lexical line (without its newline; a
 * trailing CR is dropped) to out.  Returns the DISP_* bits of the
 * stages that changed it, 0 if none did.
 */
int		 disp_apply(const struct disp *, const char *, size_t,
		    struct buf *);

/*
 * disp_apply() as each stage reading its line again, word by word: the
 * way of zh and ja, and elsewhere the reference that tests hold the
 * faster way to.
 */
int		 disp_apply_ref(const struct disp *, const char *, size_t,
		    struct buf *);

/*
 * Run the #test section through disp_apply(): a DISP-TEST warning for
 * each case whose output differs from the expected text.  Sets *pass
 * and *total (either may be NULL); returns 0 if every case passes, 1
 * if one differs.
 */
int		 disp_test(const struct disp *, struct diag *, size_t *,
		    size_t *);

#endif
