// SPDX-License-Identifier: Apache-2.0
package weka.clusterers;

import gmm4j.CovarianceType;
import gmm4j.Criterion;
import gmm4j.Dataset;
import gmm4j.FitSettings;
import gmm4j.GaussianMixtureModel;
import gmm4j.Initialization;
import gmm4j.ModelSelection;
import gmm4j.weka.AttributeLayout;
import gmm4j.weka.EngineSettings;
import gmm4j.weka.ModelReport;
import gmm4j.weka.ProgressLog;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * <!-- globalinfo-start -->
 * Gaussian mixture clustering by Expectation-Maximisation (the gmm4j engine), with full, tied,
 * diagonal or spherical covariances or any of R mclust's 14 models, automatic choice of the number
 * of clusters (and optionally the covariance type) by BIC, AIC, ICL or cross-validation, missing
 * values marginalised exactly, nominal attributes as per-cluster categorical distributions, and
 * instance weights.
 * <!-- globalinfo-end -->
 *
 * <p>A thin translation layer: {@link AttributeLayout} turns instances into the engine's data set,
 * {@link EngineSettings} turns these options into the engine's settings, {@link ModelReport} writes
 * {@link #toString()}. All the mathematics is the engine's.
 */
public class GaussianMixture extends RandomizableDensityBasedClusterer
        implements NumberOfClustersRequestable, WeightedInstancesHandler, TechnicalInformationHandler {

    private static final long serialVersionUID = 4306227195815843301L;

    /** Covariance choices; {@link #COVARIANCE_AUTO} lets model selection choose the type too. */
    public static final int COVARIANCE_FULL = 0;
    /** Covariance choice: one unrestricted covariance shared by all clusters. */
    public static final int COVARIANCE_TIED = 1;
    /** Covariance choice: each cluster with its own variances, no correlations. */
    public static final int COVARIANCE_DIAGONAL = 2;
    /** Covariance choice: each cluster with one variance in every direction. */
    public static final int COVARIANCE_SPHERICAL = 3;
    /** Covariance choice: chosen by the criterion together with the number of clusters. */
    public static final int COVARIANCE_AUTO = 4;
    /** The covariance choices, for {@link #setCovarianceType(SelectedTag)}. */
    public static final Tag[] TAGS_COVARIANCE = {
            new Tag(COVARIANCE_FULL, "full", "Full (own unrestricted covariance per cluster)", false),
            new Tag(COVARIANCE_TIED, "tied", "Tied (one covariance shared by all clusters)", false),
            new Tag(COVARIANCE_DIAGONAL, "diagonal", "Diagonal (own variances, no correlations)", false),
            new Tag(COVARIANCE_SPHERICAL, "spherical", "Spherical (one variance per cluster)", false),
            new Tag(COVARIANCE_AUTO, "auto", "Auto (choose the type with the number of clusters)", false),
            new Tag(5, "eii", "EII (one variance, the same for every cluster and direction)", false),
            new Tag(6, "eei", "EEI (one diagonal covariance shared by all clusters)", false),
            new Tag(7, "vei", "VEI (diagonal, one shape, each cluster its volume)", false),
            new Tag(8, "evi", "EVI (diagonal, one volume, each cluster its shape)", false),
            new Tag(9, "vee", "VEE (one shape and orientation, each cluster its volume)", false),
            new Tag(10, "eve", "EVE (one volume and orientation, each cluster its shape)", false),
            new Tag(11, "vve", "VVE (one orientation, each cluster its volume and shape)", false),
            new Tag(12, "eev", "EEV (one volume and shape, each cluster its orientation)", false),
            new Tag(13, "vev", "VEV (one shape, each cluster its volume and orientation)", false),
            new Tag(14, "evv", "EVV (one volume, each cluster its shape and orientation)", false),
    };
    /** The covariance type of each covariance choice (by its ID; {@code null}: chosen). */
    private static final CovarianceType[] COVARIANCE_TYPES = {
            CovarianceType.FULL, CovarianceType.TIED, CovarianceType.DIAGONAL, CovarianceType.SPHERICAL, null,
            CovarianceType.EII, CovarianceType.EEI, CovarianceType.VEI, CovarianceType.EVI, CovarianceType.VEE,
            CovarianceType.EVE, CovarianceType.VVE, CovarianceType.EEV, CovarianceType.VEV, CovarianceType.EVV};

    /** The other names {@code -C} takes, as {@link CovarianceType#parse} does: scikit-learn's diag, mclust's VVV, EEE, VVI, VII. */
    private static final Map<String, Integer> SKLEARN_COVARIANCE_NAMES = covarianceAliases();

    /** mclust's name of every type whose tag has another name, and scikit-learn's diag. */
    private static Map<String, Integer> covarianceAliases() {
        Map<String, Integer> aliases = new java.util.HashMap<>();
        for (int choice = 0; choice < COVARIANCE_TYPES.length; choice++) {
            CovarianceType type = COVARIANCE_TYPES[choice];
            String mclust = type == null ? null : type.mclustName().toLowerCase(Locale.ROOT);
            if (mclust != null && !mclust.equals(TAGS_COVARIANCE[choice].getIDStr())) aliases.put(mclust, choice);
        }
        aliases.put("diag", COVARIANCE_DIAGONAL);
        return Map.copyOf(aliases);
    }


    /** Criterion choice: Bayesian information criterion. */
    public static final int CRITERION_BIC = 0;
    /** Criterion choice: Akaike information criterion. */
    public static final int CRITERION_AIC = 1;
    /** Criterion choice: integrated completed likelihood. */
    public static final int CRITERION_ICL = 2;
    /** Criterion choice: cross-validated log-likelihood. */
    public static final int CRITERION_CV = 3;
    /** The criterion choices, for {@link #setCriterion(SelectedTag)}. */
    public static final Tag[] TAGS_CRITERION = {
            new Tag(CRITERION_BIC, "bic", "BIC (Bayesian information criterion)", false),
            new Tag(CRITERION_AIC, "aic", "AIC (Akaike information criterion)", false),
            new Tag(CRITERION_ICL, "icl", "ICL (integrated completed likelihood)", false),
            new Tag(CRITERION_CV, "cv", "Cross-validated log-likelihood", false),
    };

    /** Initialisation choice: k-means++ seeds refined by Lloyd's k-means. */
    public static final int INIT_KMEANS = 0;
    /** Initialisation choice: k-means++ seeds only. */
    public static final int INIT_KMEANS_PLUS_PLUS = 1;
    /** Initialisation choice: random responsibilities. */
    public static final int INIT_RANDOM = 2;
    /** Initialisation choice: random instances as means. */
    public static final int INIT_RANDOM_FROM_DATA = 3;
    /** Initialisation choice: R mclust's model-based hierarchical agglomeration. */
    public static final int INIT_HIERARCHICAL = 4;
    /** Initialisation choice: k-means for a fixed number of clusters and type, hierarchical when choosing them. */
    public static final int INIT_AUTO = 5;
    /** The initialisation choices, for {@link #setInitialization(SelectedTag)}. */
    public static final Tag[] TAGS_INIT = {
            new Tag(INIT_KMEANS, "kmeans", "k-means (k-means++ seeds refined by Lloyd's k-means)", false),
            new Tag(INIT_KMEANS_PLUS_PLUS, "kmeans++", "k-means++ seeds only", false),
            new Tag(INIT_RANDOM, "random", "Random responsibilities", false),
            new Tag(INIT_RANDOM_FROM_DATA, "random-from-data", "Random instances as means", false),
            new Tag(INIT_HIERARCHICAL, "hierarchical", "Model-based hierarchical agglomeration (R mclust's start)", false),
            new Tag(INIT_AUTO, "auto", "k-means for a fixed number of clusters and type, hierarchical when choosing them", false),
    };

    /** The initialisation of each initialisation choice (by its ID); null for auto, the engine's default of what runs. */
    private static final Initialization[] INITIALIZATIONS = {
            Initialization.KMEANS, Initialization.KMEANS_PLUS_PLUS, Initialization.RANDOM, Initialization.RANDOM_FROM_DATA,
            Initialization.HIERARCHICAL, null};

    // Defaults: the core's for the fit (scikit-learn's), Weka EM's for the seed, folds, restarts and threads.
    static final int DEFAULT_NUM_CLUSTERS = -1;
    static final int DEFAULT_MIN_CLUSTERS = 1;
    static final int DEFAULT_MAX_CLUSTERS = 10;
    static final int DEFAULT_FOLDS = 10;
    static final int DEFAULT_SCREENING_ROWS = ModelSelection.DEFAULT_SCREENING_ROWS;
    static final int DEFAULT_RESTARTS = 3;
    static final int DEFAULT_COVARIANCE = Arrays.asList(COVARIANCE_TYPES).indexOf(FitSettings.DEFAULT_COVARIANCE);
    /**
     * What auto chooses among unless told: scikit-learn's four types, as before {@code -models}
     * existed, so that a saved {@code -C auto} still chooses the same model; {@code -models all}
     * takes mclust's fourteen, its {@code Mclust}'s default (about 3.5 times the fits).
     */
    static final List<CovarianceType> DEFAULT_MODELS = List.of(CovarianceType.scikitLearnTypes());
    /** The {@code -models} value that stands for mclust's 14 models. */
    private static final String ALL_MODELS = "all";
    static final int DEFAULT_INIT = INIT_AUTO;
    static final int DEFAULT_MAX_ITERATIONS = FitSettings.DEFAULT_MAX_ITERATIONS;
    static final double DEFAULT_TOLERANCE = FitSettings.DEFAULT_TOLERANCE;
    static final double DEFAULT_REGULARIZATION = FitSettings.DEFAULT_REGULARIZATION;
    static final int DEFAULT_SEED = 100;
    static final int DEFAULT_SLOTS = 1;

    /** The number of clusters, -1 to choose it. */
    private int numClusters = DEFAULT_NUM_CLUSTERS;
    /** The smallest K tried when choosing. */
    private int minNumClusters = DEFAULT_MIN_CLUSTERS;
    /** The largest K tried when choosing. */
    private int maxNumClusters = DEFAULT_MAX_CLUSTERS;
    /** The covariance choice (a {@code COVARIANCE_} constant). */
    private int covariance = DEFAULT_COVARIANCE;
    /** The covariance types {@link #COVARIANCE_AUTO} chooses among. */
    private List<CovarianceType> models = DEFAULT_MODELS;
    /** The criterion choice (a {@code CRITERION_} constant). */
    private int criterion = CRITERION_BIC;
    /** Folds of the cross-validation criterion. */
    private int numFolds = DEFAULT_FOLDS;
    /** The sample size candidates are fitted on when choosing automatically on large data, 0 for all. */
    private int screeningRows = DEFAULT_SCREENING_ROWS;
    /** The initialisation choice (an {@code INIT_} constant). */
    private int initialization = DEFAULT_INIT;
    /** Runs from different starts. */
    private int numRestarts = DEFAULT_RESTARTS;
    /** The most EM iterations per restart. */
    private int maxIterations = DEFAULT_MAX_ITERATIONS;
    /** The convergence tolerance. */
    private double tolerance = DEFAULT_TOLERANCE;
    /** What is added to covariance diagonals. */
    private double regularization = DEFAULT_REGULARIZATION;
    /** Worker threads, 0 for all cores. */
    private int numExecutionSlots = DEFAULT_SLOTS;
    /** Whether the mixture has a noise component, reported as the last cluster. */
    private boolean noise = FitSettings.DEFAULT_NOISE;
    /** Whether to fit under mclust's default conjugate prior (MAP EM). */
    private boolean prior;

    /** The fitted model and how it was chosen; null until built. */
    private GaussianMixtureModel model;
    /** How instances map to the engine's columns; null until built. */
    private AttributeLayout layout;
    /** How the model was chosen; null when K was fixed. */
    private ModelReport.Selection selection;
    /** The settings the model was built with (the options may change after building). */
    private EngineSettings builtWith;

    /** A clusterer with the default options: K chosen by BIC in 1..10, full covariances, seed 100. */
    public GaussianMixture() {
        m_SeedDefault = DEFAULT_SEED;
        setSeed(m_SeedDefault);
    }

    /** @return the description shown by Weka's GenericObjectEditor */
    public String globalInfo() {
        return "Gaussian mixture clustering by Expectation-Maximisation (gmm4j).\n\n"
                + "Each cluster is a multivariate Gaussian with a full, tied, diagonal or spherical covariance "
                + "matrix, or one of R mclust's 14 models. The number of clusters (and, with covariance 'auto', the "
                + "covariance type, among the models property) can be chosen automatically by BIC, AIC, ICL or "
                + "cross-validated log-likelihood; the report then shows mclust's table of the criterion, K by model. "
                + "Missing values are marginalised out exactly (not replaced by means), nominal attributes are modelled by "
                + "per-cluster value probabilities, and instance weights are respected.\n\n"
                + "For more information see:\n\n" + getTechnicalInformation().toString();
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        TechnicalInformation result = new TechnicalInformation(Type.ARTICLE);
        result.setValue(Field.AUTHOR, "A. P. Dempster and N. M. Laird and D. B. Rubin");
        result.setValue(Field.TITLE, "Maximum likelihood from incomplete data via the EM algorithm");
        result.setValue(Field.JOURNAL, "Journal of the Royal Statistical Society, Series B");
        result.setValue(Field.VOLUME, "39");
        result.setValue(Field.NUMBER, "1");
        result.setValue(Field.PAGES, "1-38");
        result.setValue(Field.YEAR, "1977");
        TechnicalInformation book = result.add(Type.BOOK);
        book.setValue(Field.AUTHOR, "G. McLachlan and D. Peel");
        book.setValue(Field.TITLE, "Finite Mixture Models");
        book.setValue(Field.PUBLISHER, "Wiley");
        book.setValue(Field.YEAR, "2000");
        return result;
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        result.enable(Capability.NO_CLASS);
        result.enable(Capability.NUMERIC_ATTRIBUTES);
        result.enable(Capability.DATE_ATTRIBUTES);
        result.enable(Capability.NOMINAL_ATTRIBUTES);
        result.enable(Capability.BINARY_ATTRIBUTES);
        result.enable(Capability.UNARY_ATTRIBUTES);
        result.enable(Capability.EMPTY_NOMINAL_ATTRIBUTES);
        result.enable(Capability.MISSING_VALUES);
        return result;
    }

    // ---- building and using the model --------------------------------------------------------

    @Override
    public void buildClusterer(Instances data) throws Exception {
        getCapabilities().testWithFail(data); // also refuses an empty training set, in Weka's words
        model = null;
        selection = null;
        builtWith = null;
        layout = AttributeLayout.of(data);
        Dataset dataset = layout.dataset(data);
        EngineSettings settings = engineSettings();
        ProgressLog progress = getDebug() ? new ProgressLog(System.err) : null;
        if (settings.selects()) {
            ModelSelection.Result result = settings.selection(progress).select(dataset);
            model = result.model();
            selection = ModelReport.selection(result, settings);
        } else {
            // as SimpleKMeans does: no more clusters than distinct instances (the report says so)
            int distinct = dataset.distinctRows(settings.components());
            model = settings.withComponents(distinct).estimator(progress).fit(dataset);
        }
        builtWith = settings;
    }

    /** The engine settings these options stand for. */
    EngineSettings engineSettings() {
        if (numClusters < 0 && minNumClusters > maxNumClusters) {
            throw new IllegalArgumentException("The minimum number of clusters (" + minNumClusters
                    + ") exceeds the maximum (" + maxNumClusters + ").");
        }
        return new EngineSettings(numClusters, minNumClusters, maxNumClusters, covarianceType(), models, toCriterion(),
                numFolds, screeningRows, toInitialization(), numRestarts, maxIterations, tolerance, regularization, getSeed(),
                numExecutionSlots, noise, prior);
    }

    private CovarianceType covarianceType() {
        return COVARIANCE_TYPES[covariance];
    }

    private Criterion toCriterion() {
        return switch (criterion) {
            case CRITERION_AIC -> Criterion.AIC;
            case CRITERION_ICL -> Criterion.ICL;
            case CRITERION_CV -> Criterion.CROSS_VALIDATION;
            default -> Criterion.BIC;
        };
    }

    private Initialization toInitialization() {
        return INITIALIZATIONS[initialization];
    }

    /** The fitted engine model (null before {@link #buildClusterer}). */
    public GaussianMixtureModel getModel() {
        return model;
    }

    /** The clusters: K, plus the noise cluster (index K) when the model has a noise component. */
    @Override
    public int numberOfClusters() throws Exception {
        return built().components() + (built().hasNoise() ? 1 : 0);
    }

    /** The weights, the noise's last when the model has a noise component. */
    @Override
    public double[] clusterPriors() throws Exception {
        GaussianMixtureModel m = built();
        double[] priors = Arrays.copyOf(m.weights(), numberOfClusters());
        if (m.hasNoise()) priors[m.components()] = m.noiseWeight();
        return priors;
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        return built().posterior(layout.numericValues(instance), layout.codes(instance));
    }

    @Override
    public double logDensityForInstance(Instance instance) throws Exception {
        return built().logDensity(layout.numericValues(instance), layout.codes(instance));
    }

    /**
     * log p(x | cluster), finite however far the instance lies from a cluster; missing values
     * marginalised; the noise cluster's is its uniform density.
     */
    @Override
    public double[] logDensityPerClusterForInstance(Instance instance) throws Exception {
        return built().logComponentDensities(layout.numericValues(instance), layout.codes(instance));
    }

    private GaussianMixtureModel built() {
        if (model == null) throw new IllegalStateException("No model built yet: call buildClusterer first.");
        return model;
    }

    @Override
    public String toString() {
        if (model == null) return "GaussianMixture: No model built yet.";
        return new ModelReport(model, layout, selection, builtWith).toString();
    }

    // ---- options ----------------------------------------------------------------------------

    @Override
    public Enumeration<Option> listOptions() {
        List<Option> options = new ArrayList<>();
        options.add(new Option("\tNumber of clusters; -1 chooses it automatically (default " + DEFAULT_NUM_CLUSTERS + ").",
                "N", 1, "-N <num>"));
        options.add(new Option("\tSmallest number of clusters tried when choosing automatically (default "
                + DEFAULT_MIN_CLUSTERS + ").", "min", 1, "-min <num>"));
        options.add(new Option("\tLargest number of clusters tried when choosing automatically (default "
                + DEFAULT_MAX_CLUSTERS + ").", "max", 1, "-max <num>"));
        options.add(new Option("\tCovariance type: " + tagList(TAGS_COVARIANCE)
                + "; auto chooses it as well, among -models (default "
                + TAGS_COVARIANCE[DEFAULT_COVARIANCE].getIDStr() + ").\n\tscikit-learn's diag means diagonal; "
                + "mclust's VVV, EEE, VVI, VII mean full, tied, diagonal, spherical; the others are mclust's models.",
                "C", 1, "-C <type>"));
        options.add(new Option("\tThe covariance types -C auto chooses among: a comma-separated list of -C's names, or all\n"
                + "\tfor mclust's 14 models (default " + modelList(DEFAULT_MODELS) + ").", "models", 1, "-models <list>"));
        options.add(new Option("\tCriterion for choosing automatically: " + tagList(TAGS_CRITERION) + " (default bic).",
                "criterion", 1, "-criterion <name>"));
        options.add(new Option("\tFolds for the cv criterion (default " + DEFAULT_FOLDS + ").", "X", 1, "-X <num>"));
        options.add(new Option("\tWhen choosing automatically on more than twice this many instances, fit the candidates on a\n"
                + "\trandom sample of this size, score them on all instances, and fit on all of them the best and\n"
                + "\tevery candidate the sample cannot rule out; 0 fits every candidate on all instances (default "
                + DEFAULT_SCREENING_ROWS + ").",
                "screening", 1, "-screening <num>"));
        options.add(new Option("\tInitialisation: " + tagList(TAGS_INIT) + " (default "
                + TAGS_INIT[DEFAULT_INIT].getIDStr() + ").", "init", 1, "-init <name>"));
        options.add(new Option("\tRestarts from different starts; the most likely fit is kept (default "
                + DEFAULT_RESTARTS + ").", "n-init", 1, "-n-init <num>"));
        options.add(new Option("\tMaximum EM iterations per restart (default " + DEFAULT_MAX_ITERATIONS + ").",
                "I", 1, "-I <num>"));
        options.add(new Option("\tConvergence tolerance on the mean log-likelihood per instance (default "
                + DEFAULT_TOLERANCE + ").", "tol", 1, "-tol <num>"));
        options.add(new Option("\tRegularisation added to covariance diagonals (default " + DEFAULT_REGULARIZATION + ").",
                "reg", 1, "-reg <num>"));
        options.add(new Option("\tNumber of execution slots (threads); 0 uses all cores (default " + DEFAULT_SLOTS + ").",
                "num-slots", 1, "-num-slots <num>"));
        options.add(new Option("\tAdd a noise cluster for outliers (mclust's noise component): uniform over the data's\n"
                + "\thypervolume, reported as the last cluster, K (default off).", "noise", 0, "-noise"));
        options.add(new Option("\tFit under mclust's default conjugate prior (MAP EM, Fraley & Raftery 2007): keeps clusters\n"
                + "\tfrom going singular, as with many missing values; not for vee, eve, vve and evv (default off).",
                "prior", 0, "-prior"));
        options.addAll(Collections.list(super.listOptions()));
        return Collections.enumeration(options);
    }

    private static String tagList(Tag[] tags) {
        StringBuilder s = new StringBuilder();
        for (Tag tag : tags) s.append(s.length() == 0 ? "" : "|").append(tag.getIDStr());
        return s.toString();
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        setNumClusters(intOption("N", options, DEFAULT_NUM_CLUSTERS));
        setMinNumClusters(intOption("min", options, DEFAULT_MIN_CLUSTERS));
        setMaxNumClusters(intOption("max", options, DEFAULT_MAX_CLUSTERS));
        setCovarianceType(tagOption("C", options, TAGS_COVARIANCE, DEFAULT_COVARIANCE, SKLEARN_COVARIANCE_NAMES));
        String models = Utils.getOption("models", options);
        setModels(models.isEmpty() ? modelList(DEFAULT_MODELS) : models);
        setCriterion(tagOption("criterion", options, TAGS_CRITERION, CRITERION_BIC));
        setNumFolds(intOption("X", options, DEFAULT_FOLDS));
        setScreeningRows(intOption("screening", options, DEFAULT_SCREENING_ROWS));
        setInitialization(tagOption("init", options, TAGS_INIT, DEFAULT_INIT));
        setNumRestarts(intOption("n-init", options, DEFAULT_RESTARTS));
        setMaxIterations(intOption("I", options, DEFAULT_MAX_ITERATIONS));
        setTolerance(doubleOption("tol", options, DEFAULT_TOLERANCE));
        setRegularization(doubleOption("reg", options, DEFAULT_REGULARIZATION));
        setNumExecutionSlots(intOption("num-slots", options, DEFAULT_SLOTS));
        setNoise(Utils.getFlag("noise", options));
        setPrior(Utils.getFlag("prior", options));
        super.setOptions(options);
        Utils.checkForRemainingOptions(options);
    }

    private static int intOption(String flag, String[] options, int fallback) throws Exception {
        String value = Utils.getOption(flag, options);
        if (value.isEmpty()) return fallback;
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-" + flag + " needs a whole number, not '" + value + "'.", e);
        }
    }

    private static double doubleOption(String flag, String[] options, double fallback) throws Exception {
        String value = Utils.getOption(flag, options);
        if (value.isEmpty()) return fallback;
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-" + flag + " needs a number, not '" + value + "'.", e);
        }
    }

    private static SelectedTag tagOption(String flag, String[] options, Tag[] tags, int fallback) throws Exception {
        return tagOption(flag, options, tags, fallback, Map.of());
    }

    /** The tag named by option {@code flag}, or by one of the other names {@code aliases} (any case). */
    private static SelectedTag tagOption(String flag, String[] options, Tag[] tags, int fallback,
                                         Map<String, Integer> aliases) throws Exception {
        String value = Utils.getOption(flag, options);
        if (value.isEmpty()) return new SelectedTag(fallback, tags);
        for (Tag tag : tags) {
            if (tag.getIDStr().equalsIgnoreCase(value)) return new SelectedTag(tag.getID(), tags);
        }
        Integer alias = aliases.get(value.toLowerCase(Locale.ROOT));
        if (alias != null) return new SelectedTag(alias, tags);
        throw new IllegalArgumentException("-" + flag + " must be one of " + tagList(tags)
                + (aliases.isEmpty() ? "" : " (or " + String.join("|", new TreeSet<>(aliases.keySet())) + ")")
                + ", not '" + value + "'.");
    }

    @Override
    public String[] getOptions() {
        List<String> options = new ArrayList<>();
        add(options, "N", numClusters);
        add(options, "min", minNumClusters);
        add(options, "max", maxNumClusters);
        add(options, "C", getCovarianceType().getSelectedTag().getIDStr());
        add(options, "models", getModels());
        add(options, "criterion", getCriterion().getSelectedTag().getIDStr());
        add(options, "X", numFolds);
        add(options, "screening", screeningRows);
        add(options, "init", getInitialization().getSelectedTag().getIDStr());
        add(options, "n-init", numRestarts);
        add(options, "I", maxIterations);
        add(options, "tol", tolerance);
        add(options, "reg", regularization);
        add(options, "num-slots", numExecutionSlots);
        if (noise) options.add("-noise");
        if (prior) options.add("-prior");
        Collections.addAll(options, super.getOptions());
        return options.toArray(new String[0]);
    }

    private static void add(List<String> options, String flag, Object value) {
        options.add("-" + flag);
        options.add(String.valueOf(value));
    }

    // ---- properties (each with its tip text, for the GenericObjectEditor) ---------------------

    /** @return the tool tip of the {@code numClusters} property, shown by Weka's GenericObjectEditor */
    public String numClustersTipText() {
        return "The number of clusters; -1 chooses it automatically between minNumClusters and maxNumClusters.";
    }

    /** @return the {@code numClusters} property (see {@link #numClustersTipText()}) */
    public int getNumClusters() {
        return numClusters;
    }

    @Override
    public void setNumClusters(int numClusters) throws Exception {
        if (numClusters == 0 || numClusters < -1) {
            throw new IllegalArgumentException("Number of clusters must be -1 (automatic) or at least 1, not " + numClusters + ".");
        }
        this.numClusters = numClusters;
    }

    /** @return the tool tip of the {@code minNumClusters} property, shown by Weka's GenericObjectEditor */
    public String minNumClustersTipText() {
        return "The smallest number of clusters tried when the number is chosen automatically.";
    }

    /** @return the {@code minNumClusters} property (see {@link #minNumClustersTipText()}) */
    public int getMinNumClusters() {
        return minNumClusters;
    }

    /**
     * Sets the {@code minNumClusters} property (see {@link #minNumClustersTipText()}).
     *
     * @param minNumClusters the new value
     * @throws IllegalArgumentException when the value is out of range
     */
    public void setMinNumClusters(int minNumClusters) {
        this.minNumClusters = FitSettings.checkComponents("The minimum number of clusters", minNumClusters);
    }

    /** @return the tool tip of the {@code maxNumClusters} property, shown by Weka's GenericObjectEditor */
    public String maxNumClustersTipText() {
        return "The largest number of clusters tried when the number is chosen automatically.";
    }

    /** @return the {@code maxNumClusters} property (see {@link #maxNumClustersTipText()}) */
    public int getMaxNumClusters() {
        return maxNumClusters;
    }

    /**
     * Sets the {@code maxNumClusters} property (see {@link #maxNumClustersTipText()}).
     *
     * @param maxNumClusters the new value
     * @throws IllegalArgumentException when the value is out of range
     */
    public void setMaxNumClusters(int maxNumClusters) {
        this.maxNumClusters = FitSettings.checkComponents("The maximum number of clusters", maxNumClusters);
    }

    /** @return the tool tip of the {@code covarianceType} property, shown by Weka's GenericObjectEditor */
    public String covarianceTypeTipText() {
        return "The shape of each cluster's covariance: full, tied (shared), diagonal, spherical or one of mclust's "
                + "models; auto chooses the shape together with the number of clusters, among the models property.";
    }

    /** @return the {@code covarianceType} property (see {@link #covarianceTypeTipText()}) */
    public SelectedTag getCovarianceType() {
        return new SelectedTag(covariance, TAGS_COVARIANCE);
    }

    /**
     * Sets the {@code covarianceType} property (see {@link #covarianceTypeTipText()}).
     *
     * @param value the new value
     */
    public void setCovarianceType(SelectedTag value) {
        if (value.getTags() == TAGS_COVARIANCE) covariance = value.getSelectedTag().getID();
    }

    /** @return the tool tip of the {@code models} property, shown by Weka's GenericObjectEditor */
    public String modelsTipText() {
        return "The covariance types covarianceType auto chooses among, with the number of clusters: a comma-separated "
                + "list of covarianceType's names (full, tied, diagonal, spherical, or mclust's EII, VII, EEI, VEI, EVI, "
                + "VVI, EEE, VEE, EVE, VVE, EEV, VEV, EVV, VVV, in any case), or all for mclust's 14 models.";
    }

    /** @return the {@code models} property (see {@link #modelsTipText()}): {@code all}, or the types' names */
    public String getModels() {
        return models.containsAll(List.of(CovarianceType.values())) ? ALL_MODELS : modelList(models);
    }

    /**
     * Sets the {@code models} property (see {@link #modelsTipText()}).
     *
     * @param value a comma-separated list of covariance type names, or {@code all}
     * @throws IllegalArgumentException naming a name that is no covariance type, or when there is none
     */
    public void setModels(String value) {
        if (value.strip().equalsIgnoreCase(ALL_MODELS)) {
            models = List.of(CovarianceType.mclustModels());
            return;
        }
        java.util.Set<CovarianceType> types = new java.util.LinkedHashSet<>();
        for (String name : value.split(",")) {
            if (name.isBlank()) continue;
            try {
                types.add(CovarianceType.parse(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-models: " + e.getMessage() + " Or all for the 14.", e);
            }
        }
        if (types.isEmpty()) throw new IllegalArgumentException("-models needs at least one covariance type, or all.");
        models = List.copyOf(types);
    }

    /** The types by the names {@code -C} gives them back with (its tags' names), comma-separated. */
    private static String modelList(List<CovarianceType> types) {
        return types.stream().map(type -> TAGS_COVARIANCE[Arrays.asList(COVARIANCE_TYPES).indexOf(type)].getIDStr())
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** A clusterer saved before {@code models} existed reads back choosing among the default, as it did. */
    @java.io.Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (models == null) models = DEFAULT_MODELS;
    }

    /** @return the tool tip of the {@code criterion} property, shown by Weka's GenericObjectEditor */
    public String criterionTipText() {
        return "How the number of clusters is chosen automatically: BIC, AIC, ICL or cross-validated "
                + "log-likelihood (numFolds folds). Lower is better for all of them.";
    }

    /** @return the {@code criterion} property (see {@link #criterionTipText()}) */
    public SelectedTag getCriterion() {
        return new SelectedTag(criterion, TAGS_CRITERION);
    }

    /**
     * Sets the {@code criterion} property (see {@link #criterionTipText()}).
     *
     * @param value the new value
     */
    public void setCriterion(SelectedTag value) {
        if (value.getTags() == TAGS_CRITERION) criterion = value.getSelectedTag().getID();
    }

    /** @return the tool tip of the {@code numFolds} property, shown by Weka's GenericObjectEditor */
    public String numFoldsTipText() {
        return "The number of cross-validation folds for the cv criterion.";
    }

    /** @return the {@code numFolds} property (see {@link #numFoldsTipText()}) */
    public int getNumFolds() {
        return numFolds;
    }

    /**
     * Sets the {@code numFolds} property (see {@link #numFoldsTipText()}).
     *
     * @param numFolds the new value
     * @throws IllegalArgumentException when the value is out of range
     */
    public void setNumFolds(int numFolds) {
        if (numFolds < 2) throw new IllegalArgumentException("Cross-validation needs at least 2 folds, not " + numFolds + ".");
        this.numFolds = numFolds;
    }

    /** @return the tool tip of the {@code screeningRows} property, shown by Weka's GenericObjectEditor */
    public String screeningRowsTipText() {
        return "When choosing automatically on more than twice this many instances, the candidates are fitted on a random "
                + "sample of this size (at least five instances per parameter of the largest, and a tenth of the data) and "
                + "scored on all instances; "
                + "the best, the candidates with a number of clusters within one of its, and every candidate whose score the "
                + "sample cannot rule out are then fitted on all instances, as with 0, so the choice is the one fitting every "
                + "candidate on all instances makes. 0 fits every candidate on all instances. Not used by cv.";
    }

    /** @return the {@code screeningRows} property (see {@link #screeningRowsTipText()}) */
    public int getScreeningRows() {
        return screeningRows;
    }

    /**
     * Sets the {@code screeningRows} property (see {@link #screeningRowsTipText()}).
     *
     * @param screeningRows the new value
     * @throws IllegalArgumentException when the value is negative
     */
    public void setScreeningRows(int screeningRows) {
        if (screeningRows < 0) {
            throw new IllegalArgumentException("The screening sample needs 0 (none) or more instances, not " + screeningRows + ".");
        }
        this.screeningRows = screeningRows;
    }

    /** @return the tool tip of the {@code initialization} property, shown by Weka's GenericObjectEditor */
    public String initializationTipText() {
        return "How each restart chooses its starting parameters: k-means on the standardised attributes, k-means++ seeds "
                + "only, random responsibilities, random instances as means, or R mclust's model-based hierarchical "
                + "agglomeration (whose later restarts use k-means and random instances in turn; the best is kept); "
                + "auto (the default): k-means for a fixed number of clusters and covariance type, as scikit-learn, "
                + "and the hierarchical agglomeration when they are chosen, as R mclust.";
    }

    /** @return the {@code initialization} property (see {@link #initializationTipText()}) */
    public SelectedTag getInitialization() {
        return new SelectedTag(initialization, TAGS_INIT);
    }

    /**
     * Sets the {@code initialization} property (see {@link #initializationTipText()}).
     *
     * @param value the new value
     */
    public void setInitialization(SelectedTag value) {
        if (value.getTags() == TAGS_INIT) initialization = value.getSelectedTag().getID();
    }

    /** @return the tool tip of the {@code numRestarts} property, shown by Weka's GenericObjectEditor */
    public String numRestartsTipText() {
        return "The number of EM runs from different starts; the one with the highest likelihood is kept.";
    }

    /** @return the {@code numRestarts} property (see {@link #numRestartsTipText()}) */
    public int getNumRestarts() {
        return numRestarts;
    }

    /**
     * Sets the {@code numRestarts} property (see {@link #numRestartsTipText()}).
     *
     * @param numRestarts the new value
     * @throws IllegalArgumentException when the value is out of range
     */
    public void setNumRestarts(int numRestarts) {
        this.numRestarts = FitSettings.checkRestarts("The number of restarts", numRestarts);
    }

    /** @return the tool tip of the {@code maxIterations} property, shown by Weka's GenericObjectEditor */
    public String maxIterationsTipText() {
        return "The maximum number of EM iterations per restart.";
    }

    /** @return the {@code maxIterations} property (see {@link #maxIterationsTipText()}) */
    public int getMaxIterations() {
        return maxIterations;
    }

    /**
     * Sets the {@code maxIterations} property (see {@link #maxIterationsTipText()}).
     *
     * @param maxIterations the new value
     * @throws IllegalArgumentException when the value is out of range
     */
    public void setMaxIterations(int maxIterations) {
        this.maxIterations = FitSettings.checkMaxIterations("The maximum number of iterations", maxIterations);
    }

    /** @return the tool tip of the {@code tolerance} property, shown by Weka's GenericObjectEditor */
    public String toleranceTipText() {
        return "EM stops when the mean log-likelihood per instance changes by less than this.";
    }

    /** @return the {@code tolerance} property (see {@link #toleranceTipText()}) */
    public double getTolerance() {
        return tolerance;
    }

    /**
     * Sets the {@code tolerance} property (see {@link #toleranceTipText()}).
     *
     * @param tolerance the new value
     * @throws IllegalArgumentException when the value is out of range
     */
    public void setTolerance(double tolerance) {
        this.tolerance = FitSettings.checkTolerance("The tolerance", tolerance);
    }

    /** @return the tool tip of the {@code regularization} property, shown by Weka's GenericObjectEditor */
    public String regularizationTipText() {
        return "Added to the diagonal of every covariance matrix, to keep it invertible.";
    }

    /** @return the {@code regularization} property (see {@link #regularizationTipText()}) */
    public double getRegularization() {
        return regularization;
    }

    /**
     * Sets the {@code regularization} property (see {@link #regularizationTipText()}).
     *
     * @param regularization the new value
     * @throws IllegalArgumentException when the value is out of range
     */
    public void setRegularization(double regularization) {
        this.regularization = FitSettings.checkRegularization("The regularization", regularization);
    }

    /** @return the tool tip of the {@code prior} property, shown by Weka's GenericObjectEditor */
    public String priorTipText() {
        return "Fit under mclust's default conjugate prior (MAP EM, Fraley & Raftery 2007): the means are shrunk a "
                + "little toward the data's mean and the covariances toward the data's, which keeps clusters from "
                + "going singular (few instances, many missing values). Not available for the vee, eve, vve and evv "
                + "covariance types, as in mclust.";
    }

    /** @return the {@code prior} property (see {@link #priorTipText()}) */
    public boolean getPrior() {
        return prior;
    }

    /**
     * Sets the {@code prior} property (see {@link #priorTipText()}).
     *
     * @param prior whether to fit under mclust's default conjugate prior
     */
    public void setPrior(boolean prior) {
        this.prior = prior;
    }

    /** @return the tool tip of the {@code numExecutionSlots} property, shown by Weka's GenericObjectEditor */
    public String numExecutionSlotsTipText() {
        return "The number of threads to use; 0 uses all cores. The model does not depend on it.";
    }

    /** @return the {@code numExecutionSlots} property (see {@link #numExecutionSlotsTipText()}) */
    public int getNumExecutionSlots() {
        return numExecutionSlots;
    }

    /**
     * Sets the {@code numExecutionSlots} property (see {@link #numExecutionSlotsTipText()}).
     *
     * @param numExecutionSlots the new value
     * @throws IllegalArgumentException when the value is out of range
     */
    public void setNumExecutionSlots(int numExecutionSlots) {
        this.numExecutionSlots = FitSettings.checkThreads("The number of execution slots", numExecutionSlots);
    }

    /** @return the tool tip of the {@code noise} property, shown by Weka's GenericObjectEditor */
    public String noiseTipText() {
        return "Adds a noise cluster for outliers (mclust's noise component): a uniform density over the data's "
                + "hypervolume with its own prior, reported as the last cluster. Instances that no Gaussian explains "
                + "go there instead of pulling a cluster towards them. Counts two parameters in BIC.";
    }

    /** @return the {@code noise} property (see {@link #noiseTipText()}) */
    public boolean getNoise() {
        return noise;
    }

    /**
     * Sets the {@code noise} property (see {@link #noiseTipText()}).
     *
     * @param noise the new value
     */
    public void setNoise(boolean noise) {
        this.noise = noise;
    }

    @Override
    public String seedTipText() {
        return "The seed of every random choice (initialisation, cross-validation folds).";
    }

    @Override
    public String getRevision() {
        return RevisionUtils.extract("$Revision: 1 $");
    }

    /**
     * Runs the clusterer from the command line, as every Weka clusterer ({@code -h} lists the options).
     *
     * @param args Weka's clusterer evaluation options and this clusterer's
     */
    public static void main(String[] args) {
        runClusterer(new GaussianMixture(), args);
    }
}
