/*
 * Edit-distance alignment with sclite's network rules, in linear memory.
 *
 * The reference is a chain of slots: a plain word, or a group of
 * alternatives, each a run of words ("@" is the empty word).  Every
 * reference word is an arc; arc 0 is the empty head.  Row a of the
 * dynamic program holds the cheapest cost of aligning the hypothesis's
 * first b words with a path through the reference that ends with arc a;
 * the first arc of an alternative follows any end of the previous slot,
 * other arcs follow the arc before them.  This is sclite's net_dp.c on
 * our data: same weights (scaled by 1000 to stay in integers; "@" costs
 * 0.001 to skip), same choices on ties.
 *
 * Back pointers are one byte a cell: the move in the low two bits, the
 * predecessor's index among the previous slot's ends above them.  When
 * a block would pass al->block cells, solve() computes the rows of the
 * first half of the slots, solves the second half from those rows, and
 * then the first half up to where the second half's path left it: the
 * path is the one a whole table would give.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "xalloc.h"

enum move { MV_SUB, MV_DEL, MV_INS };

struct arc {
	uint32_t	 id;
	size_t		 pos;	/* index in the caller's reference ids */
	size_t		 slot;
	int		 first;	/* first word of its alternative */
};

struct alt {
	size_t	arc0;		/* first arc */
	size_t	len;		/* arcs, at least 1 */
};

struct slot {
	size_t	arc0;		/* first arc of the first alternative */
	size_t	narc;
	size_t	alt0;		/* index in al->alt */
	size_t	nalt;
};

/* The rows of the ends of one slot (or the head), columns 0..len-1. */
struct front {
	size_t	 n;
	size_t	 len;
	int64_t	*mem;
};
#define FRONT_INIT { 0, 0, NULL }

struct align {
	enum align_costs costs;
	int64_t		 c_ins, c_del, c_sub, c_null, c_nn, c_sn;
	size_t		 block;
	struct arc	*arc;
	size_t		 narc, arccap;
	struct slot	*slot;
	size_t		 nslot, slotcap;
	struct alt	*alt;
	size_t		 nalt, altcap;
	const uint32_t	*hyp;
	size_t		 nhyp;
	unsigned char	*bp;
	size_t		 bpcap;
	int64_t		*work;
	size_t		 workcap;
	struct align_op	*op;
	size_t		 nop, opcap;
	int64_t		 cost;
};

struct align *
align_new(enum align_costs costs)
{
	struct align *al;

	al = xcalloc(1, sizeof(*al));
	al->costs = costs;
	al->block = ALIGN_BLOCK;
	if (costs == ALIGN_UNIT) {
		al->c_ins = al->c_del = al->c_sub = 1000;
		al->c_sn = 2000;	/* "@" for a word: never cheaper */
	} else {
		al->c_ins = al->c_del = 3000;
		al->c_sub = al->c_sn = 4000;
	}
	al->c_null = 1;
	al->c_nn = 1000;
	return al;
}

void
align_free(struct align *al)
{
	if (al == NULL)
		return;
	free(al->arc);
	free(al->slot);
	free(al->alt);
	free(al->bp);
	free(al->work);
	free(al->op);
	free(al);
}

/* Cells of back pointers in one block; tests make it small. */
void
align_set_block(struct align *al, size_t cells)
{
	al->block = cells > 0 ? cells : 1;
}

int
align_costs_parse(const char *s, enum align_costs *c)
{
	if (strcmp(s, "sclite") == 0)
		*c = ALIGN_SCLITE;
	else if (strcmp(s, "unit") == 0)
		*c = ALIGN_UNIT;
	else
		return -1;
	return 0;
}

const char *
align_costs_name(enum align_costs c)
{
	return c == ALIGN_UNIT ? "unit" : "sclite";
}

const struct align_op *
align_ops(const struct align *al, size_t *n)
{
	*n = al->nop;
	return al->op;
}

int64_t
align_cost(const struct align *al)
{
	return al->cost;
}

static int64_t
w_del(const struct align *al, uint32_t r)
{
	return r == ALIGN_NULL ? al->c_null : al->c_del;
}

static int64_t
w_ins(const struct align *al, uint32_t h)
{
	return h == ALIGN_NULL ? al->c_null : al->c_ins;
}

static int64_t
w_sub(const struct align *al, uint32_t r, uint32_t h)
{
	if (r == h)
		return r == ALIGN_NULL ? al->c_nn : 0;
	if (r == ALIGN_NULL || h == ALIGN_NULL)
		return al->c_sn;
	return al->c_sub;
}

static void
op_add(struct align *al, enum align_kind k, size_t ref, size_t hyp)
{
	if (al->nop == al->opcap) {
		al->opcap = al->opcap ? al->opcap * 2 : 64;
		al->op = xreallocarray(al->op, al->opcap, sizeof(*al->op));
	}
	al->op[al->nop].kind = k;
	al->op[al->nop].ref = ref;
	al->op[al->nop].hyp = hyp;
	al->nop++;
}

static void
arc_add(struct align *al, uint32_t id, size_t pos, size_t slot, int first)
{
	if (al->narc == al->arccap) {
		al->arccap = al->arccap ? al->arccap * 2 : 64;
		al->arc = xreallocarray(al->arc, al->arccap, sizeof(*al->arc));
	}
	al->arc[al->narc].id = id;
	al->arc[al->narc].pos = pos;
	al->arc[al->narc].slot = slot;
	al->arc[al->narc].first = first;
	al->narc++;
}

static void
alt_add(struct align *al, size_t arc0)
{
	if (al->nalt == al->altcap) {
		al->altcap = al->altcap ? al->altcap * 2 : 16;
		al->alt = xreallocarray(al->alt, al->altcap, sizeof(*al->alt));
	}
	al->alt[al->nalt].arc0 = arc0;
	al->alt[al->nalt].len = 0;
	al->nalt++;
}

static void
slot_add(struct align *al, size_t arc0, size_t alt0)
{
	if (al->nslot == al->slotcap) {
		al->slotcap = al->slotcap ? al->slotcap * 2 : 64;
		al->slot = xreallocarray(al->slot, al->slotcap,
		    sizeof(*al->slot));
	}
	al->slot[al->nslot].arc0 = arc0;
	al->slot[al->nslot].alt0 = alt0;
	al->slot[al->nslot].narc = 0;
	al->slot[al->nslot].nalt = 0;
	al->nslot++;
}

/* One group "{ a b / c / @ }" from ref[*i], which is ALIGN_OPEN. */
static int
parse_group(struct align *al, const uint32_t *ref, size_t n, size_t *i)
{
	struct slot *s;
	struct alt *a;
	size_t j;

	slot_add(al, al->narc, al->nalt);
	alt_add(al, al->narc);
	for (j = *i + 1; j < n; j++) {
		a = &al->alt[al->nalt - 1];
		if (ref[j] == ALIGN_OPEN)
			return -1;
		if (ref[j] == ALIGN_OR || ref[j] == ALIGN_CLOSE) {
			if (a->len == 0)
				return -1;
			if (ref[j] == ALIGN_CLOSE)
				break;
			alt_add(al, al->narc);
			continue;
		}
		arc_add(al, ref[j], j, al->nslot - 1, a->len == 0);
		a->len++;
	}
	if (j == n)
		return -1;
	s = &al->slot[al->nslot - 1];
	s->nalt = al->nalt - s->alt0;
	s->narc = al->narc - s->arc0;
	if (s->nalt > ALIGN_ALTS_MAX)
		return -1;
	*i = j + 1;
	return 0;
}

/* The reference's arcs and slots; -1 if its groups are malformed. */
static int
parse_ref(struct align *al, const uint32_t *ref, size_t n)
{
	size_t i = 0;

	al->narc = al->nslot = al->nalt = 0;
	arc_add(al, ALIGN_NULL, ALIGN_NONE, 0, 0);	/* the head */
	while (i < n) {
		if (ref[i] == ALIGN_OR || ref[i] == ALIGN_CLOSE)
			return -1;
		if (ref[i] == ALIGN_OPEN) {
			if (parse_group(al, ref, n, &i) == -1)
				return -1;
			continue;
		}
		slot_add(al, al->narc, al->nalt);
		alt_add(al, al->narc);
		arc_add(al, ref[i], i, al->nslot - 1, 1);
		al->alt[al->nalt - 1].len = 1;
		al->slot[al->nslot - 1].narc = 1;
		al->slot[al->nslot - 1].nalt = 1;
		i++;
	}
	return 0;
}

static int64_t *
front_row(const struct front *f, size_t k)
{
	return f->mem + k * f->len;
}

static void
front_init(struct front *f, size_t n, size_t len)
{
	f->n = n;
	f->len = len;
	f->mem = xreallocarray(NULL, n * len, sizeof(*f->mem));
}

static void
front_release(struct front *f)
{
	free(f->mem);
	f->mem = NULL;
	f->n = 0;
}

/* Index of the first smallest P[k][b]. */
static size_t
pred_min(const struct front *P, size_t b, int64_t *v)
{
	size_t k, best = 0;
	int64_t m = P->mem[b];

	for (k = 1; k < P->n; k++)
		if (front_row(P, k)[b] < m) {
			m = front_row(P, k)[b];
			best = k;
		}
	*v = m;
	return best;
}

/*
 * Row of an arc with id r into cur, from its predecessors: the rows of
 * P (first arc of an alternative), else the single row prev.  With bp,
 * the back pointers too.
 */
static void
row_compute(const struct align *al, uint32_t r, const struct front *P,
    const int64_t *prev, int64_t *cur, size_t len, unsigned char *bp)
{
	const uint32_t *hyp = al->hyp;
	int64_t wd = w_del(al, r), d, s, in, v;
	size_t b, kd = 0, ks = 0;
	unsigned char m;

	if (prev != NULL)
		cur[0] = prev[0] + wd;
	else {
		kd = pred_min(P, 0, &v);
		cur[0] = v + wd;
	}
	if (bp != NULL)
		bp[0] = (unsigned char)(MV_DEL | kd << 2);
	for (b = 1; b < len; b++) {
		if (prev != NULL) {
			s = prev[b - 1];
			d = prev[b];
		} else {
			ks = pred_min(P, b - 1, &s);
			kd = pred_min(P, b, &d);
		}
		s += w_sub(al, r, hyp[b - 1]);
		d += wd;
		in = cur[b - 1] + w_ins(al, hyp[b - 1]);
		if (s <= d && s <= in) {
			cur[b] = s;
			m = (unsigned char)(MV_SUB | ks << 2);
		} else if (d < in) {
			cur[b] = d;
			m = (unsigned char)(MV_DEL | kd << 2);
		} else {
			cur[b] = in;
			m = MV_INS;
		}
		if (bp != NULL)
			bp[b] = m;
	}
}

/*
 * The rows of slot s's arcs from F, the ends of slot s - 1 (or the
 * head), over len columns: the slot's ends go to E; with bp, the back
 * pointers of each arc, len a row, in arc order.
 */
static void
slot_forward(struct align *al, size_t s, const struct front *F, size_t len,
    struct front *E, unsigned char *bp)
{
	const struct slot *sl = &al->slot[s];
	const struct alt *a;
	const int64_t *prev;
	int64_t *cur;
	size_t k, i, arc;

	if (al->workcap < 2 * len) {
		al->workcap = 2 * len;
		al->work = xreallocarray(al->work, al->workcap,
		    sizeof(*al->work));
	}
	front_init(E, sl->nalt, len);
	for (k = 0; k < sl->nalt; k++) {
		a = &al->alt[sl->alt0 + k];
		prev = NULL;
		for (i = 0; i < a->len; i++) {
			arc = a->arc0 + i;
			cur = i + 1 == a->len ? front_row(E, k) :
			    al->work + (i & 1) * len;
			row_compute(al, al->arc[arc].id, F, prev, cur, len,
			    bp != NULL ? bp + (arc - sl->arc0) * len : NULL);
			prev = cur;
		}
	}
}

/* The arc before arc a on a path, given the index k of its choice. */
static size_t
pred_arc(const struct align *al, size_t a, unsigned int k)
{
	const struct slot *p;

	if (!al->arc[a].first)
		return a - 1;
	if (al->arc[a].slot == 0)
		return 0;
	p = &al->slot[al->arc[a].slot - 1];
	return al->alt[p->alt0 + k].arc0 + al->alt[p->alt0 + k].len - 1;
}

/* The ends of slot s: the end arc with the first smallest cost at b. */
static size_t
end_pick(const struct align *al, size_t s, const struct front *E, size_t b,
    int64_t *cost)
{
	const struct alt *a;
	size_t k;

	k = pred_min(E, b, cost);
	a = &al->alt[al->slot[s].alt0 + k];
	return a->arc0 + a->len - 1;
}

static void
emit(struct align *al, enum move m, size_t a, size_t b)
{
	uint32_t r = al->arc[a].id, h;

	switch (m) {
	case MV_INS:
		if (al->hyp[b - 1] != ALIGN_NULL)
			op_add(al, ALIGN_I, ALIGN_NONE, b - 1);
		break;
	case MV_DEL:
		if (r != ALIGN_NULL)
			op_add(al, ALIGN_D, al->arc[a].pos, ALIGN_NONE);
		break;
	case MV_SUB:
		h = al->hyp[b - 1];
		if (r == ALIGN_NULL && h == ALIGN_NULL)
			break;
		op_add(al, r == h ? ALIGN_C : ALIGN_S, al->arc[a].pos, b - 1);
		break;
	}
}

/*
 * Trace back through slots [s0, s1) from arc *a, column *b (*a is
 * ALIGN_NONE: the best end of the last slot), F being the ends of slot
 * s0 - 1.  Leaves *a, *b where the path leaves the slots.
 */
static void
solve(struct align *al, size_t s0, size_t s1, const struct front *F,
    size_t *a, size_t *b)
{
	struct front P = FRONT_INIT, E = FRONT_INIT;
	const struct front *in;
	size_t A0, na, len, s, mid, x, y;
	unsigned char v;

	A0 = al->slot[s0].arc0;
	na = al->slot[s1 - 1].arc0 + al->slot[s1 - 1].narc - A0;
	len = *b + 1;
	if (s1 - s0 > 1 && na > al->block / len) {
		mid = s0 + (s1 - s0) / 2;
		in = F;
		for (s = s0; s < mid; s++) {
			slot_forward(al, s, in, len, &E, NULL);
			front_release(&P);
			P = E;
			in = &P;
		}
		solve(al, mid, s1, &P, a, b);
		front_release(&P);
		solve(al, s0, mid, F, a, b);
		return;
	}
	if (al->bpcap < na * len) {
		free(al->bp);
		al->bpcap = na * len;
		al->bp = xmalloc(al->bpcap);
	}
	in = F;
	for (s = s0; s < s1; s++) {
		slot_forward(al, s, in, len,
		    &E, al->bp + (al->slot[s].arc0 - A0) * len);
		if (s + 1 < s1) {
			front_release(&P);
			P = E;
			E.mem = NULL;
			in = &P;
		}
	}
	if (*a == ALIGN_NONE)
		*a = end_pick(al, s1 - 1, &E, *b, &al->cost);
	front_release(&P);
	front_release(&E);
	x = *a;
	y = *b;
	while (x >= A0) {
		v = al->bp[(x - A0) * len + y];
		emit(al, (enum move)(v & 3), x, y);
		switch (v & 3) {
		case MV_INS:
			y--;
			break;
		case MV_DEL:
			x = pred_arc(al, x, v >> 2);
			break;
		default:
			x = pred_arc(al, x, v >> 2);
			y--;
			break;
		}
	}
	*a = x;
	*b = y;
}

/*
 * Align hyp with ref; the counts of the best alignment go to *c, its
 * operations to align_ops().  -1 if ref's groups are malformed
 * (unbalanced, nested, an empty alternative, more than ALIGN_ALTS_MAX).
 */
int
align_run(struct align *al, const uint32_t *ref, size_t nref,
    const uint32_t *hyp, size_t nhyp, struct align_counts *c)
{
	struct front H = FRONT_INIT;
	size_t a = ALIGN_NONE, b = nhyp, i, j;
	struct align_op t;

	memset(c, 0, sizeof(*c));
	al->nop = 0;
	al->cost = 0;
	if (parse_ref(al, ref, nref) == -1)
		return -1;
	al->hyp = hyp;
	al->nhyp = nhyp;
	front_init(&H, 1, nhyp + 1);
	H.mem[0] = 0;
	for (i = 1; i <= nhyp; i++)
		H.mem[i] = H.mem[i - 1] + w_ins(al, hyp[i - 1]);
	if (al->nslot == 0) {
		a = 0;
		al->cost = H.mem[nhyp];
	} else
		solve(al, 0, al->nslot, &H, &a, &b);
	front_release(&H);
	for (; b > 0; b--)
		emit(al, MV_INS, 0, b);
	for (i = 0, j = al->nop; i + 1 < j; i++, j--) {
		t = al->op[i];
		al->op[i] = al->op[j - 1];
		al->op[j - 1] = t;
	}
	for (i = 0; i < al->nop; i++)
		switch (al->op[i].kind) {
		case ALIGN_C:
			c->corr++;
			break;
		case ALIGN_S:
			c->sub++;
			break;
		case ALIGN_D:
			c->del++;
			break;
		case ALIGN_I:
			c->ins++;
			break;
		}
	return 0;
}
