package org.mscmeta.analysis;

import java.util.ArrayList;
import java.util.List;
import org.mscmeta.effect.StudyEffects;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.sensitivity.MetaRegression;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Notice;

/** Computes an outcome's {@link RouteBySource}: the combinations pooled, the two meta-regressions, the test. */
final class RouteBySourceAnalysis {

    private RouteBySourceAnalysis() {
    }

    /** Whether the run analyses route by cell source: both are subgroup variables. */
    static boolean wanted(Settings s) {
        return s.by().contains("route") && s.by().contains("cell_source") && !s.measure().isProportion();
    }

    /**
     * The analysis of the outcome's overall analysis {@code a}, whose studies are the sheet rows {@code rows} (in
     * the order of its study table); null when route or cell source has no value for any study.
     */
    static RouteBySource run(ExtractionSheet sheet, Analysis a, int[] rows, Settings s, List<Notice> notices) {
        String outcome = a.outcome();
        org.mscmeta.sheet.TextColumn route = sheet.route();
        org.mscmeta.sheet.TextColumn source = sheet.cellSource();
        int nSources = source.levels().size();
        int nRoutes = route.levels().size();
        boolean[] routeMissing = new boolean[nRoutes];
        for (int l = 0; l < nRoutes; l++) {
            routeMissing[l] = ModeratorDesign.missing(route.levels().get(l));
        }
        boolean[] sourceMissing = new boolean[nSources];
        for (int l = 0; l < nSources; l++) {
            sourceMissing[l] = ModeratorDesign.missing(source.levels().get(l));
        }
        // positions (in rows) by combination, keyed by the columns' codes: counted, then placed (no boxing)
        int[] key = new int[rows.length];
        int[] count = new int[nRoutes * nSources];
        int leftOut = 0; // rows without a route or a cell source: in no combination
        for (int j = 0; j < rows.length; j++) {
            int rc = route.codes()[rows[j]];
            int sc = source.codes()[rows[j]];
            key[j] = routeMissing[rc] || sourceMissing[sc] ? -1 : rc * nSources + sc;
            if (key[j] >= 0) {
                count[key[j]]++;
            } else {
                leftOut++;
            }
        }
        int[][] byCell = new int[count.length][];
        List<String> routeSet = new ArrayList<>();
        List<String> sourceSet = new ArrayList<>();
        boolean[] routeSeen = new boolean[nRoutes];
        boolean[] sourceSeen = new boolean[nSources];
        for (int c = 0; c < count.length; c++) {
            if (count[c] > 0) {
                byCell[c] = new int[count[c]];
                if (!routeSeen[c / nSources]) {
                    routeSeen[c / nSources] = true;
                    routeSet.add(route.levels().get(c / nSources));
                }
                if (!sourceSeen[c % nSources]) {
                    sourceSeen[c % nSources] = true;
                    sourceSet.add(source.levels().get(c % nSources));
                }
            }
        }
        int[] filled = new int[count.length];
        for (int j = 0; j < rows.length; j++) {
            if (key[j] >= 0) {
                byCell[key[j]][filled[key[j]]++] = j;
            }
        }
        if (routeSet.isEmpty()) {
            // asked for (both are subgroup variables), and not there: said, as a model not estimable is
            if (rows.length > 0) {
                notices.add(new Notice("route_by_cell_source", outcome, outcome + ": no route x cell-source analysis:"
                        + " no study of the outcome has both a route and a cell source reported"));
            }
            return null;
        }
        List<String> routes = ModeratorDesign.levels(routeSet);
        List<String> sources = ModeratorDesign.levels(sourceSet);
        List<RouteBySource.Cell> cells = new ArrayList<>();
        List<RouteBySource.Cell> withoutEstimate = new ArrayList<>();
        int empty = 0;
        for (String r : routes) {
            for (String c : sources) {
                int[] positions = byCell[route.levels().indexOf(r) * nSources + source.levels().indexOf(c)];
                if (positions == null) {
                    empty++;
                    continue;
                }
                int[] cellRows = new int[positions.length];
                for (int i = 0; i < positions.length; i++) {
                    cellRows[i] = rows[positions[i]];
                }
                // each study's effect is its own (but under if0all): the overall analysis' effects are reused
                StudyEffects effects = s.cc().mode() == org.mscmeta.effect.CcMode.IF0ALL ? null
                        : a.studies().effects().subset(positions);
                RouteBySource.Cell cell = pool(sheet, r, c, cellRows, s, effects);
                if (cell.k() > 0) {
                    cells.add(cell);
                } else {
                    // k = 0: whatever a model made of the tables (a Mantel-Haenszel RR of 1 with no variance where
                    // every participant had the event), no study has an estimate to pool
                    int doubleZero = 0;
                    for (int position : positions) {
                        doubleZero += StudyTable.DOUBLE_ZERO.equals(a.studies().exclusion(position)) ? 1 : 0;
                    }
                    withoutEstimate.add(new RouteBySource.Cell(r, c, 0, cell.model(), Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN, Double.NaN, cell.notEstimable() != null ? cell.notEstimable()
                            : RouteBySource.NO_OWN_ESTIMATE + " (" + StudyTable.withoutOwnEstimate(doubleZero,
                            positions.length - doubleZero) + ")"));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (empty > 0) {
            notes.add(empty + " of the " + routes.size() * sources.size() + " combinations of route and cell source"
                    + (empty == 1 ? " has" : " have") + " no study of " + outcome);
        }
        for (RouteBySource.Cell c : withoutEstimate) {
            notes.add(c.route() + " x " + c.source() + ": not estimable: " + c.notEstimable());
        }
        // the studies with an estimate and both values, as factors whose levels are those these studies have
        int[] studies = new int[rows.length];
        boolean[] routeUsed = new boolean[nRoutes];
        boolean[] sourceUsed = new boolean[nSources];
        int n = 0;
        for (int j = 0; j < rows.length; j++) {
            if (a.studies().included(j) && key[j] >= 0) {
                studies[n++] = j;
                routeUsed[key[j] / nSources] = true;
                sourceUsed[key[j] % nSources] = true;
            }
        }
        int[] routeLevel = new int[nRoutes];
        List<String> routeLevels = usedLevels(route.levels(), routeUsed, routeLevel);
        int[] sourceLevel = new int[nSources];
        List<String> sourceLevels = usedLevels(source.levels(), sourceUsed, sourceLevel);
        double[] ya = new double[n];
        double[] va = new double[n];
        int[] r = new int[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            int j = studies[i];
            ya[i] = a.studies().yi(j);
            va[i] = a.studies().vi(j);
            r[i] = routeLevel[key[j] / nSources];
            c[i] = sourceLevel[key[j] % nSources];
        }
        List<ModeratorDesign.Factor> mods = List.of(new ModeratorDesign.Factor("route", routeLevels, r),
                new ModeratorDesign.Factor("cell_source", sourceLevels, c));
        TauSquared est = s.mixedEffectsTau2();
        // no study with an estimate of its own has both values (every one of them has a zero cell under --cc-mode
        // none, say): no design to build
        String none = "no study with an estimate of its own has both a route and a cell source";
        boolean oneCombination = routes.size() == 1 && sources.size() == 1;
        String oneOfEach = "one route and one cell source" + (oneCombination ? ""
                : " among the studies with an estimate of their own") + ": nothing to compare";
        RouteBySource.Model main = n == 0 ? RouteBySource.Model.notEstimable(0, none)
                : model(ModeratorDesign.ofFactors(mods, false), ya, va, est, s.hksj(), false, "route + cell source",
                oneOfEach);
        RouteBySource.Model inter = n == 0 ? RouteBySource.Model.notEstimable(0, none)
                : model(ModeratorDesign.ofFactors(mods, true), ya, va, est, s.hksj(), true, "route x cell source",
                oneOfEach);
        if (!inter.isEstimable()) {
            notes.add(RouteBySource.interactionNote(inter.notEstimable()));
        } else if (!inter.dropped().isEmpty()) {
            notes.add(inter.dropped().size() + " interaction term(s) could not be estimated (no study has those"
                    + " combinations, or they repeat others): the interaction test has " + inter.interactionDf()
                    + " degree(s) of freedom");
        }
        // an outcome of one route and one cell source has nothing to compare, which is no warning: its matrix and
        // models say so, and the run's notices keep what a reader should look at
        boolean nothingToCompare = oneCombination && !inter.isEstimable();
        for (String note : notes.subList(0, nothingToCompare ? notes.size() - 1 : notes.size())) {
            notices.add(new Notice("route_by_cell_source", outcome, outcome + ": " + note));
        }
        String leftOutStudies = leftOut == 0 ? "" : MetaAnalysis.named(a.studies(), j -> key[j] < 0);
        if (leftOut > 0) {
            // with the matrix (results.json, the heat map), not among the run's notices: the subgroup plots show them
            notes.add(RouteBySource.leftOutNote(leftOut, leftOutStudies));
        }
        return new RouteBySource(routes, sources, cells, main, inter, notes, leftOut, leftOutStudies, withoutEstimate);
    }

    /**
     * The levels of a column that {@code used} marks, in the order of a factor's levels; {@code index} receives each
     * code's position among them.
     */
    private static List<String> usedLevels(List<String> levels, boolean[] used, int[] index) {
        List<String> present = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            if (used[l]) {
                present.add(levels.get(l));
            }
        }
        List<String> ordered = ModeratorDesign.levels(present);
        for (int l = 0; l < levels.size(); l++) {
            index[l] = used[l] ? ordered.indexOf(levels.get(l)) : -1;
        }
        return ordered;
    }

    /** One combination pooled with the analysis' model. */
    private static RouteBySource.Cell pool(ExtractionSheet sheet, String route, String source, int[] rows,
                                           Settings s, StudyEffects effects) {
        PooledModel.Models m = PooledModel.models(sheet, rows, s, effects);
        boolean random = s.tau2() != null && m.random() != null;
        int k = m.k();
        if (random) {
            RandomResult rr = m.random();
            return new RouteBySource.Cell(route, source, k, "random", rr.tau2(), rr.estimate(), rr.ciLower(),
                    rr.ciUpper(), rr.p(), rr.isEstimable() ? null : rr.notEstimable());
        }
        CommonResult cr = m.common();
        if (cr == null) {
            return new RouteBySource.Cell(route, source, k, "common", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, "no study to pool");
        }
        return new RouteBySource.Cell(route, source, k, "common", Double.NaN, cr.estimate(), cr.ciLower(),
                cr.ciUpper(), cr.p(), cr.isEstimable() ? null : cr.notEstimable());
    }

    private static RouteBySource.Model model(ModeratorDesign d, double[] y, double[] v, TauSquared est,
                                             boolean hksj, boolean interaction, String what, String oneOfEach) {
        int k = d.used().length;
        if (d.terms().size() < 2) {
            return RouteBySource.Model.notEstimable(k, oneOfEach);
        }
        // the model needs more studies than the coefficients that survive, which are known only once the redundant
        // ones (combinations no study has, a route given with one cell source only) are dropped, as metafor does
        MetaRegression fit;
        try {
            fit = d.fit(y, v, est, hksj);
        } catch (MetaRegression.TooFewStudies e) {
            return RouteBySource.Model.notEstimable(k, "too few studies (" + k + ") for the intercept and the "
                    + Notice.count(e.coefficientsBesidesIntercept(), "coefficient", "coefficients") + " of " + what
                    + (e.redundantDropped() ? " that the studies tell apart" : "")
                    + " (a model needs more studies than coefficients)");
        } catch (RuntimeException e) {
            return RouteBySource.Model.notEstimable(k, "the model of " + what + " could not be fitted");
        }
        double iq = Double.NaN;
        int idf = 0;
        double ip = Double.NaN;
        if (interaction) {
            List<Integer> idx = new ArrayList<>();
            for (int j = 0; j < fit.terms().size(); j++) {
                if (fit.terms().get(j).contains(" : ")) {
                    idx.add(j);
                }
            }
            if (idx.isEmpty()) {
                return RouteBySource.Model.notEstimable(k, "no interaction term can be estimated: each route has one"
                        + " cell source among these studies, or each cell source one route");
            }
            MetaRegression.WaldTest t = fit.waldTest(idx.stream().mapToInt(Integer::intValue).toArray());
            iq = t.q();
            idf = t.df();
            ip = t.p();
        }
        return new RouteBySource.Model(fit.k(), fit.terms(), fit.references(), fit.dropped(), fit.estimate(),
                fit.se(), fit.p(), fit.tau2(), fit.qm(), fit.qmDf(), fit.qmP(), fit.qe(), fit.qeDf(), fit.qeP(),
                fit.r2(), iq, idf, ip, fit.qmNotEstimable(), null);
    }
}
