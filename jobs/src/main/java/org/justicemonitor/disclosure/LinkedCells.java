package org.justicemonitor.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published count cells of linked tables and the linear identities between them, as an
 * attacker who reads every published table sees them: a cell is either published (its value
 * known) or suppressed (unknown), and every identity (a total equals the sum of its parts, a
 * pending stock equals the one before plus incoming minus resolved) holds exactly.
 *
 * <p>{@link #attack} bounds every suppressed cell from all identities at once, by interval
 * propagation: each identity bounds each of its unknowns by the others' bounds, repeated until
 * nothing tightens. The attacker also knows what a suppression reason says: a primary cell rests
 * on fewer than k cases, so it lies in [0, k − 1]; a complementary one was published-size, at
 * least k. A suppressed cell whose bounds meet is recovered.
 */
final class LinkedCells {

  /** What a reader knows of a cell. */
  enum State {
    PUBLISHED,
    PRIMARY,
    COMPLEMENTARY,
    /** Published and derived from other published values (a total from a share): cannot be suppressed alone. */
    FIXED
  }

  /** A count cell: a table, its row key (the key values joined by {@code |}) and a count column. */
  record Cell(String table, String key, String measure) implements Comparable<Cell> {
    @Override
    public int compareTo(Cell o) {
      int c = table.compareTo(o.table);
      c = c != 0 ? c : key.compareTo(o.key);
      return c != 0 ? c : measure.compareTo(o.measure);
    }

    @Override
    public String toString() {
      return table + " [" + key + "] " + measure;
    }
  }

  static final long INFINITE = Long.MAX_VALUE / 4;
  private static final int MAX_SWEEPS = 200;

  private final Map<Cell, Integer> index = new HashMap<>();
  private final List<Cell> cells = new ArrayList<>();
  private final List<Long> values = new ArrayList<>();
  private final List<State> states = new ArrayList<>();
  private final List<int[]> equationCells = new ArrayList<>();
  private final List<int[]> equationSigns = new ArrayList<>();
  private final List<List<Integer>> equationsOf = new ArrayList<>();

  /**
   * Registers a cell.
   *
   * @param value its value; the engine's own knowledge, used only to choose complements, never by {@link #attack}
   */
  int add(Cell cell, long value, State state) {
    Integer known = index.get(cell);
    if (known != null) {
      return known;
    }
    index.put(cell, cells.size());
    cells.add(cell);
    values.add(value);
    states.add(state);
    equationsOf.add(new ArrayList<>());
    return cells.size() - 1;
  }

  Optional<Integer> find(Cell cell) {
    return Optional.ofNullable(index.get(cell));
  }

  /** An identity {@code Σ sign_i · cell_i = 0}; signs are +1 or −1; a cell of −1 is absent (0). */
  void identity(List<Integer> allTerms, List<Integer> allSigns) {
    // A term of −1 is a row the table does not have: a count of 0, known to all.
    List<Integer> terms = new ArrayList<>();
    List<Integer> signs = new ArrayList<>();
    for (int t = 0; t < allTerms.size(); t++) {
      if (allTerms.get(t) >= 0) {
        terms.add(allTerms.get(t));
        signs.add(allSigns.get(t));
      }
    }
    if (terms.size() < 2) {
      return;
    }
    int e = equationCells.size();
    equationCells.add(terms.stream().mapToInt(Integer::intValue).toArray());
    equationSigns.add(signs.stream().mapToInt(Integer::intValue).toArray());
    terms.forEach(t -> equationsOf.get(t).add(e));
  }

  /** {@code total = Σ parts}. */
  void sum(int total, List<Integer> parts) {
    List<Integer> terms = new ArrayList<>(parts);
    List<Integer> signs = new ArrayList<>();
    parts.forEach(p -> signs.add(1));
    terms.add(total);
    signs.add(-1);
    identity(terms, signs);
  }

  int size() {
    return cells.size();
  }

  int identities() {
    return equationCells.size();
  }

  Cell cell(int i) {
    return cells.get(i);
  }

  State state(int i) {
    return states.get(i);
  }

  long value(int i) {
    return values.get(i);
  }

  void suppressAsComplement(int i) {
    states.set(i, State.COMPLEMENTARY);
  }

  /** Takes a complement back: published again. */
  void publish(int i) {
    states.set(i, State.PUBLISHED);
  }

  List<Integer> equationsOf(int cell) {
    return equationsOf.get(cell);
  }

  int[] equation(int e) {
    return equationCells.get(e);
  }

  /** The signs of an identity's cells, in {@link #equation}'s order. */
  int[] signs(int e) {
    return equationSigns.get(e);
  }

  /**
   * Whether suppressing a published cell could hide it: not when one of its identities holds
   * nothing else but fixed cells (a user type alone in its service: its requests are the total
   * that the shares give away).
   */
  boolean hideable(int i) {
    for (int e : equationsOf.get(i)) {
      boolean others = false;
      for (int t : equationCells.get(e)) {
        others |= t != i && states.get(t) != State.FIXED;
      }
      if (!others) {
        return false;
      }
    }
    return true;
  }

  boolean suppressed(int i) {
    State s = states.get(i);
    return s == State.PRIMARY || s == State.COMPLEMENTARY;
  }

  /** The attacker's bounds of every cell: {@code [lo, hi]} per cell, exact for published ones. */
  long[][] attack(int k) {
    int n = cells.size();
    long[] lo = new long[n];
    long[] hi = new long[n];
    for (int i = 0; i < n; i++) {
      switch (states.get(i)) {
        case PRIMARY -> {
          lo[i] = 0;
          hi[i] = k - 1;
        }
        case COMPLEMENTARY -> {
          lo[i] = k;
          hi[i] = INFINITE;
        }
        default -> {
          lo[i] = values.get(i);
          hi[i] = values.get(i);
        }
      }
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      boolean changed = false;
      for (int e = 0; e < equationCells.size(); e++) {
        changed |= tighten(equationCells.get(e), equationSigns.get(e), lo, hi, null);
      }
      if (!changed) {
        break;
      }
    }
    return new long[][] {lo, hi};
  }

  /**
   * The suppressed cells whose bounds meet: their values can be read off the published ones. A
   * primary cell pinned at 0 is not among them: it was suppressed beside small counts so as not
   * to narrow them, and holds no one ({@link #narrow}).
   */
  List<Integer> recovered(int k) {
    long[][] b = attack(k);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      boolean zero = states.get(i) == State.PRIMARY && b[1][i] == 0;
      if (suppressed(i) && b[0][i] == b[1][i] && !zero) {
        out.add(i);
      }
    }
    out.sort((a, c) -> cells.get(a).compareTo(cells.get(c)));
    return out;
  }

  /**
   * The suppressed cells that propagation pins, and the primary ones it narrows to an interval
   * under {@code width}: the LP ({@link LinearAudit}) can only narrow them further.
   */
  List<Integer> exposed(int k, int width) {
    long[][] b = attack(k);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      boolean pinned = states.get(i) == State.COMPLEMENTARY && b[0][i] == b[1][i];
      boolean narrow = states.get(i) == State.PRIMARY && narrow(b[0][i], b[1][i], width);
      if (pinned || narrow) {
        out.add(i);
      }
    }
    out.sort((a, c) -> cells.get(a).compareTo(cells.get(c)));
    return out;
  }

  /**
   * Whether a reader's interval of a primary cell leaves fewer possible counts than the width
   * ([0, 4] leaves five: 0 to 4). An interval of exactly 0 does not count: a cell known to
   * hold no case tells nothing of anyone (a 0 beside small counts is suppressed so that it does
   * not narrow them, not for itself).
   */
  static boolean narrow(double lo, double hi, int width) {
    return hi - lo + 1 < width - 1e-6 && hi > 1e-6;
  }

  /**
   * Publishes a complement again if no reader could then pin a complement or narrow a primary
   * cell below the width by propagation; else leaves it suppressed. Incremental: {@code bounds}
   * (from {@link #attack}, for the cells as they stand) are tightened from the identities of the
   * cell outwards, only as far as they change, and kept for the next call when it is published.
   *
   * @return whether the cell is published again
   */
  boolean republishIfSafe(int cell, long[][] bounds, int k, int width) {
    long[] lo = bounds[0];
    long[] hi = bounds[1];
    // What changed, to undo: cell, its old lo, its old hi.
    List<long[]> undo = new ArrayList<>();
    java.util.function.IntConsumer before = j -> undo.add(new long[] {j, lo[j], hi[j]});
    before.accept(cell);
    states.set(cell, State.PUBLISHED);
    lo[cell] = values.get(cell);
    hi[cell] = values.get(cell);
    java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>(equationsOf.get(cell));
    java.util.BitSet queued = new java.util.BitSet();
    work.forEach(queued::set);
    boolean safe = true;
    long budget = 50L * equationCells.size();
    while (safe && !work.isEmpty()) {
      if (--budget < 0) {
        safe = false;
        break;
      }
      int e = work.poll();
      queued.clear(e);
      List<Integer> changedHere = new ArrayList<>();
      tighten(equationCells.get(e), equationSigns.get(e), lo, hi, j -> {
        before.accept(j);
        changedHere.add(j);
      });
      for (int j : changedHere) {
        boolean pinned = states.get(j) == State.COMPLEMENTARY && lo[j] == hi[j];
        boolean narrow = states.get(j) == State.PRIMARY && narrow(lo[j], hi[j], width);
        if (pinned || narrow) {
          safe = false;
          break;
        }
        for (int f : equationsOf.get(j)) {
          if (!queued.get(f)) {
            queued.set(f);
            work.add(f);
          }
        }
      }
    }
    if (!safe) {
      for (int u = undo.size() - 1; u >= 0; u--) {
        long[] x = undo.get(u);
        lo[(int) x[0]] = x[1];
        hi[(int) x[0]] = x[2];
      }
      states.set(cell, State.COMPLEMENTARY);
    }
    return safe;
  }

  /**
   * One identity bounds each of its cells by the others': {@code s_j x_j = −Σ_{i≠j} s_i x_i}.
   *
   * @param beforeChange told of a cell just before its bounds change; may be null
   */
  private static boolean tighten(int[] terms, int[] signs, long[] lo, long[] hi,
      java.util.function.IntConsumer beforeChange) {
    // The sum of s_i x_i over all terms lies in [min, max]; infinite ends are counted apart.
    long min = 0;
    long max = 0;
    int minInfinite = 0;
    int maxInfinite = 0;
    for (int t = 0; t < terms.length; t++) {
      long a = signs[t] > 0 ? lo[terms[t]] : -hi[terms[t]];
      long b = signs[t] > 0 ? hi[terms[t]] : -lo[terms[t]];
      if (a <= -INFINITE) {
        minInfinite++;
      } else {
        min += a;
      }
      if (b >= INFINITE) {
        maxInfinite++;
      } else {
        max += b;
      }
    }
    boolean changed = false;
    for (int t = 0; t < terms.length; t++) {
      int j = terms[t];
      if (lo[j] == hi[j]) {
        continue;
      }
      long a = signs[t] > 0 ? lo[j] : -hi[j];
      long b = signs[t] > 0 ? hi[j] : -lo[j];
      // The others' sum: [min − a, max − b] where finite.
      boolean othersMinInfinite = minInfinite - (a <= -INFINITE ? 1 : 0) > 0;
      boolean othersMaxInfinite = maxInfinite - (b >= INFINITE ? 1 : 0) > 0;
      long othersMin = othersMinInfinite ? -INFINITE : min - (a <= -INFINITE ? 0 : a);
      long othersMax = othersMaxInfinite ? INFINITE : max - (b >= INFINITE ? 0 : b);
      // s_j x_j ∈ [−othersMax, −othersMin]
      long termLo = othersMaxInfinite ? -INFINITE : -othersMax;
      long termHi = othersMinInfinite ? INFINITE : -othersMin;
      long newLo = signs[t] > 0 ? termLo : (termHi >= INFINITE ? -INFINITE : -termHi);
      long newHi = signs[t] > 0 ? termHi : (termLo <= -INFINITE ? INFINITE : -termLo);
      boolean raise = newLo > lo[j] && newLo > -INFINITE;
      boolean lower = newHi < hi[j] && newHi < INFINITE;
      if ((raise || lower) && beforeChange != null) {
        beforeChange.accept(j);
      }
      if (raise) {
        lo[j] = Math.min(newLo, hi[j]);
        changed = true;
      }
      if (lower) {
        hi[j] = Math.max(newHi, lo[j]);
        changed = true;
      }
    }
    return changed;
  }
}
