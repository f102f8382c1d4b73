/*
 * Unit tests of lib/align.c: both cost models, the tie rule, sclite's
 * alternates, and the linear-memory split against a whole table kept
 * by this file's own straightforward implementation.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "unit.h"

#define W(c)	(ALIGN_WORD + (uint32_t)((c) - 'a'))

/* Ids of a string of letters; '{', '/', '}' and '@' are markup. */
static size_t
ids(const char *s, uint32_t *v)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		switch (*s) {
		case ' ':
			break;
		case '{':
			v[n++] = ALIGN_OPEN;
			break;
		case '/':
			v[n++] = ALIGN_OR;
			break;
		case '}':
			v[n++] = ALIGN_CLOSE;
			break;
		case '@':
			v[n++] = ALIGN_NULL;
			break;
		default:
			v[n++] = W(*s);
			break;
		}
	return n;
}

static int
run(enum align_costs k, const char *r, const char *h, struct align_counts *c)
{
	uint32_t rv[256], hv[256];
	struct align *al;
	int rc;

	al = align_new(k);
	rc = align_run(al, rv, ids(r, rv), hv, ids(h, hv), c);
	align_free(al);
	return rc;
}

static int
counts_are(const struct align_counts *c, size_t corr, size_t sub,
    size_t del, size_t ins)
{
	return c->corr == corr && c->sub == sub && c->del == del &&
	    c->ins == ins;
}

/* The issue's example: the two cost models disagree. */
static void
models_disagree(void)
{
	struct align_counts c;

	REQUIRE(run(ALIGN_SCLITE, "abcde", "dexyz", &c) == 0);
	CHECK(counts_are(&c, 2, 0, 3, 3));
	REQUIRE(run(ALIGN_UNIT, "abcde", "dexyz", &c) == 0);
	CHECK(counts_are(&c, 0, 5, 0, 0));
	/* A shift by one: one deletion and one insertion either way. */
	REQUIRE(run(ALIGN_SCLITE, "abcd", "bcdx", &c) == 0);
	CHECK(counts_are(&c, 3, 0, 1, 1));
}

/* jiwer's empty lines: empty + empty is nothing, else all ins or del. */
static void
empty_sides(void)
{
	struct align_counts c;

	REQUIRE(run(ALIGN_SCLITE, "", "", &c) == 0);
	CHECK(counts_are(&c, 0, 0, 0, 0));
	REQUIRE(run(ALIGN_SCLITE, "", "abc", &c) == 0);
	CHECK(counts_are(&c, 0, 0, 0, 3));
	REQUIRE(run(ALIGN_UNIT, "abc", "", &c) == 0);
	CHECK(counts_are(&c, 0, 0, 3, 0));
	REQUIRE(run(ALIGN_SCLITE, "{a/@}", "", &c) == 0);
	CHECK(counts_are(&c, 0, 0, 0, 0));
}

/*
 * Ties: "a b c" against "x y a" costs 12 as three substitutions and as
 * two insertions, a match and two deletions; the substitutions win, as
 * in sclite (checked with sctk 2.4.10).  "x a b" against "b a": a
 * substitution, a match, a deletion rather than an insertion first.
 */
static void
ties(void)
{
	struct align_counts c;
	const struct align_op *op;
	struct align *al;
	uint32_t rv[8], hv[8];
	size_t n;

	REQUIRE(run(ALIGN_SCLITE, "abc", "xya", &c) == 0);
	CHECK(counts_are(&c, 0, 3, 0, 0));
	al = align_new(ALIGN_SCLITE);
	REQUIRE(align_run(al, rv, ids("xab", rv), hv, ids("ba", hv), &c) == 0);
	CHECK(counts_are(&c, 1, 1, 1, 0));
	op = align_ops(al, &n);
	REQUIRE(n == 3);
	CHECK(op[0].kind == ALIGN_S && op[0].ref == 0 && op[0].hyp == 0);
	CHECK(op[1].kind == ALIGN_C && op[1].ref == 1 && op[1].hyp == 1);
	CHECK(op[2].kind == ALIGN_D && op[2].ref == 2 &&
	    op[2].hyp == ALIGN_NONE);
	CHECK(align_cost(al) == 4000 + 3000);
	align_free(al);
}

/* sclite's alternates: "@" is nothing; the first alternative wins ties. */
static void
alternates(void)
{
	struct align_counts c;
	const struct align_op *op;
	struct align *al;
	uint32_t rv[16], hv[16];
	size_t n;

	REQUIRE(run(ALIGN_SCLITE, "{u/h/@}xy", "xy", &c) == 0);
	CHECK(counts_are(&c, 2, 0, 0, 0));
	REQUIRE(run(ALIGN_SCLITE, "{u/h/@}xy", "hxy", &c) == 0);
	CHECK(counts_are(&c, 3, 0, 0, 0));
	REQUIRE(run(ALIGN_SCLITE, "{u/h/@}xy", "zxy", &c) == 0);
	CHECK(counts_are(&c, 2, 0, 0, 1));
	REQUIRE(run(ALIGN_SCLITE, "x{ab/c}y", "xcy", &c) == 0);
	CHECK(counts_are(&c, 3, 0, 0, 0));
	REQUIRE(run(ALIGN_SCLITE, "x{ab/c}y", "xaby", &c) == 0);
	CHECK(counts_are(&c, 4, 0, 0, 0));
	REQUIRE(run(ALIGN_UNIT, "{u/@}{v/@}", "", &c) == 0);
	CHECK(counts_are(&c, 0, 0, 0, 0));
	al = align_new(ALIGN_SCLITE);
	REQUIRE(align_run(al, rv, ids("{a/b}", rv), hv, ids("c", hv),
	    &c) == 0);
	op = align_ops(al, &n);
	REQUIRE(n == 1);
	CHECK(op[0].kind == ALIGN_S && op[0].ref == 1);
	align_free(al);
}

static void
malformed(void)
{
	static const char *const bad[] = {
		"{ab", "ab}", "a/b", "{a/{b}/c}", "{a//b}", "{/a}", "{}"
	};
	struct align_counts c;
	uint32_t rv[8 + ALIGN_ALTS_MAX * 2], hv[1];
	struct align *al;
	size_t i, n = 0;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(run(ALIGN_SCLITE, bad[i], "a", &c) == -1);
	rv[n++] = ALIGN_OPEN;
	for (i = 0; i <= ALIGN_ALTS_MAX; i++) {
		if (i > 0)
			rv[n++] = ALIGN_OR;
		rv[n++] = W('a');
	}
	rv[n++] = ALIGN_CLOSE;
	al = align_new(ALIGN_SCLITE);
	CHECK(align_run(al, rv, n, hv, 0, &c) == -1);
	CHECK(align_run(al, rv + 1, 1, hv, 0, &c) == 0);
	CHECK(counts_are(&c, 0, 0, 1, 0));
	align_free(al);
}

/*
 * This file's own whole-table aligner for references without groups:
 * sclite's weights or unit costs and its tie rule, written out plainly.
 */
static void
naive(int unit, const uint32_t *r, size_t n, const uint32_t *h, size_t m,
    struct align_op *ops, size_t *nops, int64_t *cost)
{
	int64_t *D, s, d, in, ci = unit ? 1000 : 3000, cs = unit ? 1000 : 4000;
	unsigned char *B;
	size_t i, j, k = 0, w = m + 1;
	struct align_op t;

	D = malloc((n + 1) * w * sizeof(*D));
	B = malloc((n + 1) * w);
	D[0] = 0;
	for (j = 1; j <= m; j++) {
		D[j] = D[j - 1] + ci;
		B[j] = 2;
	}
	for (i = 1; i <= n; i++) {
		D[i * w] = D[(i - 1) * w] + ci;
		B[i * w] = 1;
		for (j = 1; j <= m; j++) {
			s = D[(i - 1) * w + j - 1] +
			    (r[i - 1] == h[j - 1] ? 0 : cs);
			d = D[(i - 1) * w + j] + ci;
			in = D[i * w + j - 1] + ci;
			if (s <= d && s <= in) {
				D[i * w + j] = s;
				B[i * w + j] = 0;
			} else if (d < in) {
				D[i * w + j] = d;
				B[i * w + j] = 1;
			} else {
				D[i * w + j] = in;
				B[i * w + j] = 2;
			}
		}
	}
	*cost = D[n * w + m];
	for (i = n, j = m; i > 0 || j > 0; k++) {
		if (B[i * w + j] == 0) {
			ops[k].kind = r[i - 1] == h[j - 1] ? ALIGN_C : ALIGN_S;
			ops[k].ref = --i;
			ops[k].hyp = --j;
		} else if (B[i * w + j] == 1) {
			ops[k].kind = ALIGN_D;
			ops[k].ref = --i;
			ops[k].hyp = ALIGN_NONE;
		} else {
			ops[k].kind = ALIGN_I;
			ops[k].ref = ALIGN_NONE;
			ops[k].hyp = --j;
		}
	}
	for (i = 0; i < k / 2; i++) {
		t = ops[i];
		ops[i] = ops[k - 1 - i];
		ops[k - 1 - i] = t;
	}
	*nops = k;
	free(D);
	free(B);
}

static uint32_t
rnd(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/* A hypothesis from a reference: edits, or a shift, or no relation. */
static size_t
mutate(uint32_t *seed, const uint32_t *r, size_t n, uint32_t *h, size_t v)
{
	size_t i, m = 0, k;

	if (rnd(seed) % 8 == 0) {
		k = rnd(seed) % 40;
		for (i = 0; i < k; i++)
			h[m++] = ALIGN_WORD + rnd(seed) % v;
		return m;
	}
	for (i = 0; i < n; i++) {
		k = rnd(seed) % 20;
		if (k == 0)
			continue;
		if (k == 1) {
			h[m++] = ALIGN_WORD + rnd(seed) % v;
			continue;
		}
		if (k == 2)
			h[m++] = ALIGN_WORD + rnd(seed) % v;
		h[m++] = r[i];
	}
	return m;
}

static int
same_ops(const struct align_op *a, size_t na, const struct align_op *b,
    size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (a[i].kind != b[i].kind || a[i].ref != b[i].ref ||
		    a[i].hyp != b[i].hyp)
			return 0;
	return 1;
}

/*
 * Random references and hypotheses over small vocabularies (many
 * ties): the same operations as the whole table, under both models and
 * with blocks so small that every utterance is split many times.
 */
static void
split_is_exact(void)
{
	static const size_t blocks[] = { ALIGN_BLOCK, 1, 7, 64, 500 };
	struct align_op *want;
	const struct align_op *got;
	struct align_counts c;
	struct align *al;
	uint32_t r[200], h[400], seed = 12345;
	size_t it, n, m, nw, ng, b, k, v;
	int64_t cost;
	int unit, bad = 0;

	want = malloc(800 * sizeof(*want));
	for (it = 0; it < 600 && !bad; it++) {
		v = 2 + it % 6;
		n = rnd(&seed) % (it % 10 == 0 ? 200 : 30);
		for (k = 0; k < n; k++)
			r[k] = ALIGN_WORD + rnd(&seed) % v;
		m = mutate(&seed, r, n, h, v);
		for (unit = 0; unit < 2; unit++) {
			naive(unit, r, n, h, m, want, &nw, &cost);
			for (b = 0; b < sizeof(blocks) / sizeof(blocks[0]);
			    b++) {
				al = align_new(unit ? ALIGN_UNIT :
				    ALIGN_SCLITE);
				align_set_block(al, blocks[b]);
				if (align_run(al, r, n, h, m, &c) != 0)
					bad++;
				got = align_ops(al, &ng);
				if (!same_ops(want, nw, got, ng) ||
				    align_cost(al) != cost) {
					printf("# iteration %zu, unit %d, "
					    "block %zu differs\n", it, unit,
					    blocks[b]);
					bad++;
				}
				CHECK(c.corr + c.sub + c.del == n);
				CHECK(c.corr + c.sub + c.ins == m);
				align_free(al);
			}
		}
	}
	CHECK(bad == 0);
	free(want);
}

/*
 * With groups (single and two-word alternatives, "@"): split or whole,
 * the same operations.  tests/check-sclite.sh compares such references
 * with sclite itself.
 */
static void
split_with_groups(void)
{
	static const size_t blocks[] = { 1, 5, 40 };
	struct align_op *want;
	const struct align_op *got;
	struct align_counts c, c2;
	struct align *al;
	uint32_t r[400], h[400], flat[200], seed = 777;
	size_t it, n, m, nw, ng, b, k, fn, nalt, j;
	int bad = 0;

	want = malloc(800 * sizeof(*want));
	for (it = 0; it < 300 && !bad; it++) {
		n = 0;
		fn = rnd(&seed) % 25;
		for (k = 0; k < fn; k++) {
			flat[k] = ALIGN_WORD + rnd(&seed) % 4;
			if (rnd(&seed) % 4 != 0) {
				r[n++] = flat[k];
				continue;
			}
			r[n++] = ALIGN_OPEN;
			nalt = 1 + rnd(&seed) % 3;
			for (j = 0; j < nalt; j++) {
				if (j > 0)
					r[n++] = ALIGN_OR;
				if (rnd(&seed) % 4 == 0)
					r[n++] = ALIGN_NULL;
				else if (j == 0)
					r[n++] = flat[k];
				else {
					r[n++] = ALIGN_WORD + rnd(&seed) % 4;
					if (rnd(&seed) % 2)
						r[n++] = ALIGN_WORD +
						    rnd(&seed) % 4;
				}
			}
			r[n++] = ALIGN_CLOSE;
		}
		m = mutate(&seed, flat, fn, h, 4);
		al = align_new(ALIGN_SCLITE);
		REQUIRE(align_run(al, r, n, h, m, &c) == 0);
		got = align_ops(al, &nw);
		if (nw > 0)
			memcpy(want, got, nw * sizeof(*want));
		for (b = 0; b < sizeof(blocks) / sizeof(blocks[0]); b++) {
			align_set_block(al, blocks[b]);
			REQUIRE(align_run(al, r, n, h, m, &c2) == 0);
			got = align_ops(al, &ng);
			if (!same_ops(want, nw, got, ng) ||
			    memcmp(&c, &c2, sizeof(c)) != 0)
				bad++;
		}
		CHECK(c.corr + c.sub + c.ins == m);
		align_free(al);
	}
	CHECK(bad == 0);
	free(want);
}

/* A long utterance split hard: the alignment is the whole table's. */
static void
long_utterance(void)
{
	uint32_t *r, *h, seed = 99;
	struct align_op *want;
	const struct align_op *got;
	struct align_counts c;
	struct align *al;
	size_t n = 3000, m, k, nw, ng;
	int64_t cost;

	r = malloc(n * sizeof(*r));
	h = malloc(2 * n * sizeof(*h));
	want = malloc(4 * n * sizeof(*want));
	for (k = 0; k < n; k++)
		r[k] = ALIGN_WORD + rnd(&seed) % 50;
	m = mutate(&seed, r, n, h, 50);
	if (m < 100)
		m = mutate(&seed, r, n, h, 50);
	naive(0, r, n, h, m, want, &nw, &cost);
	al = align_new(ALIGN_SCLITE);
	align_set_block(al, 20000);
	REQUIRE(align_run(al, r, n, h, m, &c) == 0);
	got = align_ops(al, &ng);
	CHECK(same_ops(want, nw, got, ng));
	CHECK(align_cost(al) == cost);
	align_free(al);
	free(r);
	free(h);
	free(want);
}

static void
names(void)
{
	enum align_costs k;

	CHECK(align_costs_parse("sclite", &k) == 0 && k == ALIGN_SCLITE);
	CHECK(align_costs_parse("unit", &k) == 0 && k == ALIGN_UNIT);
	CHECK(align_costs_parse("levenshtein", &k) == -1);
	CHECK_STR(align_costs_name(ALIGN_UNIT), "unit");
	CHECK_STR(align_costs_name(ALIGN_SCLITE), "sclite");
}

int
main(void)
{
	RUN(models_disagree);
	RUN(empty_sides);
	RUN(ties);
	RUN(alternates);
	RUN(malformed);
	RUN(split_is_exact);
	RUN(split_with_groups);
	RUN(long_utterance);
	RUN(names);
	return UNIT_EXIT();
}
