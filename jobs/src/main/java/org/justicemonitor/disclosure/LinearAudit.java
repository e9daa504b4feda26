package org.justicemonitor.disclosure;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.justicemonitor.JobFailure;
import org.justicemonitor.disclosure.LinkedCells.State;
import org.justicemonitor.spark.Concurrently;

/**
 * τ-ARGUS's audit of linked tables: for each primary cell, the least and the greatest value a
 * reader can reach by linear programming over every published figure and identity at once, with
 * what the cell statuses say (a primary cell holds 0 to k − 1 cases, a complement k or more). A
 * primary cell is protected when that interval leaves at least the protection width of possible
 * counts ({@link LinkedCells#narrow}).
 *
 * <p>Two LPs per cell over components of thousands of suppressed cells are thousands of LPs, so the
 * audit solves as few as it can, exactly. Interval propagation ({@link LinkedCells#attack}) is a
 * relaxation of the LP: a cell it narrows is exposed without one, and its bounds are the
 * variables' bounds. Every LP solution solves all identities: the values each cell takes across
 * the solutions seen are reachable, so a cell whose witnessed values already span the width is
 * protected. Per component, LPs that push all open cells up and down at once (then random halves
 * of them up and the rest down, seeded) witness nearly every cell. Cells seen only at 0 are not
 * settled by that (they may reach 1 to 3): one LP maximising their sum pins them all at 0 when its
 * optimum is 0, or witnesses those it raises. The few cells left get their own pair, on two driver
 * threads. The first solution is the true counts where the engine has them, else one LP per
 * component.
 */
final class LinearAudit {

  /** LPs over a whole component that push its open cells up and down at once, before one pair per cell. */
  private static final int PASSES = 6;

  /** Driver threads that solve the pairs of LPs of one component (each with a solver of its own). */
  private static final int PAIR_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

  /**
   * A primary cell's LP interval, or for a cell found protected, an interval within it that
   * already reaches the width (the audit does not solve further than it needs).
   */
  record Interval(int cell, double lo, double hi) {}

  /** What the audit found: every primary cell's interval, those narrower than the width, and the LPs solved. */
  record Result(List<Interval> intervals, List<Integer> unprotected, int linearPrograms) {}

  private static boolean solverLoaded;

  private LinearAudit() {}

  /**
   * A new GLOP solver. GLOP is native code, shipped in OR-Tools' jar for each platform: the first
   * call unpacks the driver's into {@code java.io.tmpdir} and loads it, once per JVM.
   */
  private static synchronized MPSolver glop() {
    if (!solverLoaded) {
      try {
        Loader.loadNativeLibraries();
      } catch (RuntimeException | LinkageError e) {
        throw new JobFailure("the disclosure control's LP solver (OR-Tools' native library) could not be loaded ("
            + e.getClass().getSimpleName() + "): the driver needs Linux or macOS (x86-64 or arm64) or Windows (x86-64), "
            + "and a java.io.tmpdir where programs may run; where it is mounted noexec, point -Djava.io.tmpdir "
            + "(spark.driver.extraJavaOptions) elsewhere", e);
      }
      solverLoaded = true;
    }
    return MPSolver.createSolver("GLOP");
  }

  static Result audit(LinkedCells cells, int k, int width) {
    return audit(cells, k, width, Set.of());
  }

  /**
   * The audit of the primary cells not in {@code known}: cells an earlier audit found protected
   * stay protected while cells are only suppressed further (a reader then knows less), so the
   * protection's later rounds solve LPs only where a cell is still open.
   */
  static Result audit(LinkedCells cells, int k, int width, Set<Integer> known) {
    return new Run(cells, k, width, known).result();
  }

  private static final class Run {
    private final LinkedCells cells;
    private final int width;
    private final long[][] bounds;
    private final double[] solution;
    private final double[] seenLo;
    private final double[] seenHi;
    private final Set<Integer> known;
    private int programs;

    Run(LinkedCells cells, int k, int width, Set<Integer> known) {
      this.cells = cells;
      this.width = width;
      this.known = known;
      this.bounds = cells.attack(k);
      this.solution = new double[cells.size()];
      for (int i = 0; i < cells.size(); i++) {
        solution[i] = cells.value(i);
      }
      for (int i = 0; i < cells.size(); i++) {
        if (cells.suppressed(i) && solution[i] < 0) {
          // A published table: no true counts, so one solution of this component by LP.
          try (Local whole = new Local(cells, component(i), solution, bounds)) {
            programs++;
            whole.solve(i, false, solution);
          }
        }
      }
      this.seenLo = solution.clone();
      this.seenHi = solution.clone();
    }

    Result result() {
      List<Interval> intervals = new ArrayList<>();
      Map<Integer, List<Integer>> openByComponent = new java.util.TreeMap<>();
      Map<Integer, Integer> componentOf = new HashMap<>();
      for (int i = 0; i < cells.size(); i++) {
        if (cells.state(i) != State.PRIMARY || known.contains(i)) {
          continue;
        }
        Interval settled = settled(i);
        if (settled != null) {
          intervals.add(settled);
        } else {
          if (!componentOf.containsKey(i)) {
            for (int c : component(i)) {
              componentOf.put(c, i);
            }
          }
          openByComponent.computeIfAbsent(componentOf.get(i), c -> new ArrayList<>()).add(i);
        }
      }
      openByComponent.forEach((first, open) -> intervals.addAll(whole(component(first), open)));
      List<Integer> unprotected = new ArrayList<>();
      for (Interval interval : intervals) {
        if (LinkedCells.narrow(interval.lo(), interval.hi(), width)) {
          unprotected.add(interval.cell());
        }
      }
      unprotected.sort((a, b) -> cells.cell(a).compareTo(cells.cell(b)));
      intervals.sort((a, b) -> cells.cell(a.cell()).compareTo(cells.cell(b.cell())));
      return new Result(intervals, unprotected, programs);
    }

    /** A cell's interval where propagation or a witness settles it; null when only an LP can. */
    private Interval settled(int i) {
      if (LinkedCells.narrow(bounds[0][i], bounds[1][i], width)) {
        // The LP's interval lies within propagation's: narrower still.
        return new Interval(i, bounds[0][i], bounds[1][i]);
      }
      if (bounds[1][i] <= 0) {
        // Propagation pins it at 0: known to hold no case, which tells nothing of anyone.
        return new Interval(i, 0, 0);
      }
      if (witnessed(i)) {
        return new Interval(i, seenLo[i], seenHi[i]);
      }
      return null;
    }

    /**
     * Whether the values witnessed for a cell span the width. Not "not narrow": a cell witnessed
     * only at 0 is not known to be 0, and may reach 1 to 3, which is narrow.
     */
    private boolean witnessed(int i) {
      return seenHi[i] - seenLo[i] + 1 >= width - 1e-6;
    }

    /**
     * The open cells of one component: LPs that push all of them up and down at once, then
     * random halves up and the rest down (their solutions witness most), then the cells seen only
     * at 0 together, then one pair per cell still open.
     */
    private List<Interval> whole(Set<Integer> component, List<Integer> open) {
      try (Local lp = new Local(cells, component, solution, bounds)) {
        return whole(component, open, lp);
      }
    }

    private List<Interval> whole(Set<Integer> component, List<Integer> open, Local lp) {
      List<Integer> left = open;
      // Seeded: the same LPs, and so the same intervals, on a rerun.
      java.util.Random random = new java.util.Random(left.size());
      for (int pass = 0; pass < PASSES && !left.isEmpty(); pass++) {
        List<Integer> up = new ArrayList<>();
        List<Integer> down = new ArrayList<>();
        for (int i : left) {
          (pass == 0 || random.nextBoolean() ? up : down).add(i);
        }
        for (boolean greatest : new boolean[] {true, false}) {
          double[] point = solution.clone();
          lp.solveSum(up, down, greatest, point);
          programs++;
          witness(component, point);
        }
        left = left.stream().filter(i -> !witnessed(i)).toList();
      }
      List<Interval> out = new ArrayList<>();
      left = pinnedAtZero(component, left, out);
      Set<Integer> done = new HashSet<>(left);
      out.forEach(x -> done.add(x.cell()));
      for (int i : open) {
        if (!done.contains(i)) {
          out.add(new Interval(i, seenLo[i], seenHi[i]));
        }
      }
      // One pair per cell left, independent of each other: on the driver's cores side by side,
      // each thread with a model of its own; witnessed in the cells' order, so reruns agree.
      int threads = Math.min(PAIR_THREADS, left.size());
      List<List<Integer>> shares = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<Integer> share = new ArrayList<>();
        for (int j = t; j < left.size(); j += threads) {
          share.add(left.get(j));
        }
        shares.add(share);
      }
      List<List<Pair>> solved = Concurrently.map(shares, Math.max(1, threads), share -> {
        if (share == shares.get(0)) {
          return share.stream().map(i -> pair(lp, i)).toList();
        }
        try (Local own = new Local(cells, component, solution, bounds)) {
          return share.stream().map(i -> pair(own, i)).toList();
        }
      });
      for (int j = 0; j < left.size(); j++) {
        Pair pair = solved.get(j % threads).get(j / threads);
        witness(component, pair.least());
        witness(component, pair.greatest());
        programs += pair.programs();
        out.add(new Interval(left.get(j), pair.lo(), pair.hi()));
      }
      return out;
    }

    /** A cell's least and greatest value, their solutions, and the LPs that took. */
    private record Pair(double lo, double hi, double[] least, double[] greatest, int programs) {}

    /**
     * A cell's pair of LPs; a side already witnessed at its propagated bound needs no LP (the LP
     * cannot pass it). Reads the witnesses only, so the pairs of a component can run side by side.
     */
    private Pair pair(Local lp, int i) {
      double[] least = solution.clone();
      double[] greatest = solution.clone();
      boolean lowest = seenLo[i] <= bounds[0][i];
      boolean highest = seenHi[i] >= bounds[1][i];
      double lo = lowest ? seenLo[i] : lp.solve(i, false, least);
      double hi = highest ? seenHi[i] : lp.solve(i, true, greatest);
      return new Pair(lo, hi, least, greatest, (lowest ? 0 : 1) + (highest ? 0 : 1));
    }

    /**
     * The open cells seen only at 0 (most of a sparse table's small cells): one LP raises as many
     * of them as it can off 0, each as far as the width needs (it maximises the sum of
     * min(x, width − 1), so that one cell cannot take the whole optimum). An optimum of 0 pins
     * every one of them at 0, exactly; otherwise its solution witnesses those it raised, and the
     * rest are tried again. Returns the open cells still unsettled, with the pinned ones'
     * intervals added to {@code out}.
     */
    private List<Integer> pinnedAtZero(Set<Integer> component, List<Integer> left, List<Interval> out) {
      List<Integer> zero = left.stream().filter(i -> seenHi[i] <= 1e-6).toList();
      if (zero.isEmpty()) {
        return left;
      }
      try (Local lp = new Local(cells, component, solution, bounds)) {
        return pinnedAtZero(component, left, zero, out, lp);
      }
    }

    private List<Integer> pinnedAtZero(
        Set<Integer> component, List<Integer> left, List<Integer> zero, List<Interval> out, Local lp) {
      Set<Integer> pinned = new HashSet<>();
      while (!zero.isEmpty()) {
        double[] point = solution.clone();
        double most = lp.raiseMost(zero, width - 1, point);
        programs++;
        witness(component, point);
        if (most <= 1e-6) {
          zero.forEach(i -> out.add(new Interval(i, 0, 0)));
          pinned.addAll(zero);
          break;
        }
        zero = zero.stream().filter(i -> seenHi[i] <= 1e-6).toList();
      }
      // Raised, but short of the width: raised together again while that witnesses more of them
      // (one LP each time, instead of one per cell).
      List<Integer> low = left.stream().filter(i -> !pinned.contains(i) && !witnessed(i) && seenLo[i] <= 1e-6).toList();
      while (!low.isEmpty()) {
        double[] point = solution.clone();
        lp.raiseMost(low, width - 1, point);
        programs++;
        witness(component, point);
        List<Integer> still = low.stream().filter(i -> !witnessed(i)).toList();
        if (still.size() == low.size()) {
          break;
        }
        low = still;
      }
      return left.stream().filter(i -> !pinned.contains(i) && !witnessed(i)).toList();
    }

    private void witness(Set<Integer> free, double[] point) {
      for (int c : free) {
        seenLo[c] = Math.min(seenLo[c], point[c]);
        seenHi[c] = Math.max(seenHi[c], point[c]);
      }
    }

    /** The suppressed cells joined to a cell by identities, itself first. */
    private Set<Integer> component(int cell) {
      Set<Integer> members = new LinkedHashSet<>();
      members.add(cell);
      List<Integer> frontier = List.of(cell);
      while (!frontier.isEmpty()) {
        List<Integer> next = new ArrayList<>();
        for (int c : frontier) {
          for (int e : cells.equationsOf(c)) {
            for (int t : cells.equation(e)) {
              if (cells.suppressed(t) && members.add(t)) {
                next.add(t);
              }
            }
          }
        }
        frontier = next;
      }
      return members;
    }
  }

  /**
   * An LP over a component of suppressed cells: variables within their propagated bounds, one
   * equality per identity that holds a variable (its published cells as constants). Solved by
   * OR-Tools' GLOP, a revised simplex over sparse factors: the identities touch a few cells
   * each, and a component's LPs differ only in their objective, so each one starts from the
   * basis of the one before.
   */
  private static final class Local implements AutoCloseable {
    private final MPSolver solver;
    private final Map<Integer, MPVariable> variables = new HashMap<>();
    private final List<Integer> order = new ArrayList<>();
    private final List<MPVariable> weighted = new ArrayList<>();
    private final Map<Integer, MPVariable> capped = new HashMap<>();

    Local(LinkedCells cells, Set<Integer> free, double[] values, long[][] bounds) {
      solver = glop();
      for (int cell : free) {
        double upper = bounds[1][cell] < LinkedCells.INFINITE ? bounds[1][cell] : MPSolver.infinity();
        variables.put(cell, solver.makeNumVar(bounds[0][cell], upper, "x" + cell));
        order.add(cell);
      }
      Set<Integer> seen = new HashSet<>();
      for (int cell : free) {
        for (int e : cells.equationsOf(cell)) {
          if (!seen.add(e)) {
            continue;
          }
          int[] terms = cells.equation(e);
          int[] signs = cells.signs(e);
          // Σ s_i x_i over the free cells = − Σ s_j v_j over the others.
          double constant = 0;
          for (int t = 0; t < terms.length; t++) {
            if (!variables.containsKey(terms[t])) {
              constant -= signs[t] * values[terms[t]];
            }
          }
          MPConstraint identity = solver.makeConstraint(constant, constant, "e" + e);
          for (int t = 0; t < terms.length; t++) {
            MPVariable v = variables.get(terms[t]);
            if (v != null) {
              identity.setCoefficient(v, identity.getCoefficient(v) + signs[t]);
            }
          }
        }
      }
    }

    /**
     * The least (or greatest) value of a cell, its solution written into {@code point}.
     *
     * @throws IllegalStateException when the identities have no solution: the model is wrong
     */
    double solve(int cell, boolean greatest, double[] point) {
      return solveSum(List.of(cell), List.of(), greatest, point);
    }

    /**
     * The greatest Σ min(x, cap) over the given cells, the solution written into {@code point}:
     * each cell gets a variable t in [0, cap] with t ≤ x, made on first use and weighted only
     * while the cell is given (t can always be 0, so the cells' own solutions are unchanged).
     */
    double raiseMost(List<Integer> cells, double cap, double[] point) {
      MPObjective objective = cleared();
      for (int cell : cells) {
        MPVariable capping = capped.computeIfAbsent(cell, c -> {
          MPVariable t = solver.makeNumVar(0, cap, "t" + c);
          MPConstraint below = solver.makeConstraint(-MPSolver.infinity(), 0, "cap" + c);
          below.setCoefficient(t, 1);
          below.setCoefficient(variables.get(c), -1);
          return t;
        });
        objective.setCoefficient(capping, 1);
        weighted.add(capping);
      }
      return optimise(true, point);
    }

    /** The least (or greatest) of Σ up − Σ down, the solution written into {@code point}. */
    double solveSum(List<Integer> up, List<Integer> down, boolean greatest, double[] point) {
      MPObjective objective = cleared();
      for (int cell : up) {
        MPVariable v = variables.get(cell);
        objective.setCoefficient(v, 1);
        weighted.add(v);
      }
      for (int cell : down) {
        MPVariable v = variables.get(cell);
        objective.setCoefficient(v, -1);
        weighted.add(v);
      }
      return optimise(greatest, point);
    }

    /** The objective with the last LP's weights taken off (only those, so the model is not rebuilt). */
    private MPObjective cleared() {
      MPObjective objective = solver.objective();
      weighted.forEach(v -> objective.setCoefficient(v, 0));
      weighted.clear();
      return objective;
    }

    private double optimise(boolean greatest, double[] point) {
      MPObjective objective = solver.objective();
      objective.setOptimizationDirection(greatest);
      MPSolver.ResultStatus status = solver.solve();
      if (status == MPSolver.ResultStatus.UNBOUNDED) {
        return greatest ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      }
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        throw new IllegalStateException("the published identities of a component of " + variables.size()
            + " suppressed cells have no solution (" + status + "): a bug in the linked model, please report it");
      }
      for (int v = 0; v < order.size(); v++) {
        point[order.get(v)] = variables.get(order.get(v)).solutionValue();
      }
      return objective.value();
    }

    @Override
    public void close() {
      solver.delete();
    }
  }
}
