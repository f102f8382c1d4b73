#include <stdio.h>

#include "diag.h"
#include "lint.h"
#include "profile.h"

/* Every rule, TSV with a header: the table of docs/voxprep.7. */
void
lint_list_rules(FILE *fp)
{
	size_t i;

	fputs("rule\tseverity\tconsequence\ttype\tsummary\tservice\n", fp);
	for (i = 0; i < nrules; i++)
		fprintf(fp, "%s\t%s\t%s\t%s\t%s\t%s\n", rules[i].id,
		    sev_name(rules[i].sev), cq_name(rules[i].cq),
		    rules[i].flags & RULE_ADVICE ? "advice" : "check",
		    rules[i].summary, rules[i].conseq);
}

static void
kinds_print(FILE *fp, unsigned int kinds)
{
	unsigned int k;
	int first = 1;

	for (k = 1; k <= KIND_OUTPUTFORMATTING; k <<= 1)
		if (kinds & k) {
			fprintf(fp, "%s%s", first ? "" : ",",
			    kind_name((enum kind)k));
			first = 0;
		}
}

static void
locale_print(FILE *fp, const struct locale *l)
{
	fprintf(fp, "%s\t", l->tag);
	kinds_print(fp, l->kinds);
	fprintf(fp, "\t%s\t%s\t%s\t%s\t", l->ascii ? "ascii" : "utf8",
	    l->bom ? "required" : "optional", l->latin1 ? "latin1" : "any",
	    l->fullwidth ? "fullwidth" : "halfwidth");
	if (l->sentence_chars)
		fprintf(fp, "%lu", l->sentence_chars);
	else
		fputc('-', fp);
	fputc('\t', fp);
	if (l->split_lines)
		fprintf(fp, "%lu", l->split_lines);
	else
		fputc('-', fp);
	fprintf(fp, "\t%s\t%s\n", l->spoken != NULL ? l->spoken : "-",
	    l->forbidden != NULL ? l->forbidden : "-");
}

/* The locale table, TSV with a header; only one locale when given. */
void
lint_list_locales(FILE *fp, const struct profile *p, const struct locale *one)
{
	size_t i;

	fputs("locale\tkinds\ttranscript\tbom\ttext\tpunct\tsentence\t"
	    "split\tspoken\tforbidden\n", fp);
	if (one != NULL) {
		locale_print(fp, one);
		return;
	}
	for (i = 0; i < p->nlocales; i++)
		locale_print(fp, &p->locales[i]);
}
