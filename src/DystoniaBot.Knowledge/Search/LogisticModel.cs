using System.Text.Json.Nodes;

namespace DystoniaBot.Knowledge.Search;

/// <summary>
/// A logistic model over standardised features: the answer model's two parts (over <see cref="AnswerFeatures"/>) and
/// the red-flag classifier (over a message's embedding).
/// </summary>
public sealed class LogisticModel
{
    /// <summary>The L2 penalty <see cref="Fit"/> uses unless told otherwise (on the standardised scale).</summary>
    public const double DefaultL2 = 0.01;

    /// <summary>Gradient steps <see cref="Fit"/> takes unless told otherwise.</summary>
    public const int DefaultIterations = 3000;

    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly double[] _weights;

    /// <summary>Creates a model; features are standardised by <paramref name="mean"/> and <paramref name="scale"/>.</summary>
    public LogisticModel(IReadOnlyList<double> mean, IReadOnlyList<double> scale, IReadOnlyList<double> weights, double bias)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || mean.Count != weights.Count || scale.Count != weights.Count)
        {
            throw new ArgumentException($"A model has as many means and scales as weights (here {mean.Count}, {scale.Count} and {weights.Count}).", nameof(weights));
        }

        _mean = [.. mean];
        _scale = [.. scale.Select(s => s > 1e-9 ? s : 1.0)];
        _weights = [.. weights];
        Bias = bias;
    }

    /// <summary>The intercept.</summary>
    public double Bias { get; }

    /// <summary>Each feature's weight on its standardised scale, in feature order.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>How many features the model reads.</summary>
    public int FeatureCount => _weights.Length;

    /// <summary>The model's probability for <paramref name="features"/>.</summary>
    public double Probability(ReadOnlySpan<double> features)
    {
        if (features.Length != _weights.Length)
        {
            throw new ArgumentException($"The model reads {_weights.Length} features, not {features.Length}.", nameof(features));
        }

        var z = Bias;
        for (var i = 0; i < _weights.Length; i++)
        {
            z += _weights[i] * ((features[i] - _mean[i]) / _scale[i]);
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// A hand-made model over a few of <paramref name="featureCount"/> features, each with its steepness and
    /// midpoint: probability 0.5 where all are at their midpoints.
    /// </summary>
    public static LogisticModel Over(int featureCount, params (int Feature, double Steepness, double Midpoint)[] terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var weights = new double[featureCount];
        var mean = new double[featureCount];
        foreach (var (feature, steepness, midpoint) in terms)
        {
            weights[feature] = steepness;
            mean[feature] = midpoint;
        }

        return new LogisticModel(mean, Enumerable.Repeat(1.0, featureCount).ToArray(), weights, 0);
    }

    /// <summary>
    /// L2-regularised logistic regression by batch gradient descent on standardised features (deterministic: the
    /// same samples give the same model). Each sample carries its weight; all have as many features as the first.
    /// </summary>
    public static LogisticModel Fit(IReadOnlyList<(double[] Features, bool Positive, double Weight)> samples, double l2 = DefaultL2, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples to fit on.", nameof(samples));
        }

        var k = samples[0].Features.Length;
        if (samples.Any(s => s.Features.Length != k))
        {
            throw new ArgumentException($"Every sample has {k} features, as the first does.", nameof(samples));
        }

        var mean = new double[k];
        var scale = new double[k];
        for (var f = 0; f < k; f++)
        {
            mean[f] = samples.Average(s => s.Features[f]);
            scale[f] = Math.Sqrt(samples.Average(s => Math.Pow(s.Features[f] - mean[f], 2)));
            scale[f] = scale[f] < 1e-9 ? 1 : scale[f];
        }

        var x = samples.Select(s => s.Features.Select((v, f) => (v - mean[f]) / scale[f]).ToArray()).ToArray();
        var totalWeight = samples.Sum(s => s.Weight);
        var weights = new double[k];
        var bias = 0.0;
        const double rate = 0.5;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[k];
            var gradientBias = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var z = bias;
                for (var f = 0; f < k; f++)
                {
                    z += weights[f] * x[i][f];
                }

                var error = samples[i].Weight * ((1 / (1 + Math.Exp(-z))) - (samples[i].Positive ? 1 : 0));
                gradientBias += error;
                for (var f = 0; f < k; f++)
                {
                    gradient[f] += error * x[i][f];
                }
            }

            bias -= rate * gradientBias / totalWeight;
            for (var f = 0; f < k; f++)
            {
                weights[f] -= rate * ((gradient[f] / totalWeight) + (l2 * weights[f]));
            }
        }

        return new LogisticModel(mean, scale, weights, bias);
    }

    /// <summary>The model as a JSON object.</summary>
    public JsonObject ToJson()
    {
        static JsonArray Array(IEnumerable<double> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(Math.Round(v, 6)))];
        return new JsonObject
        {
            ["mean"] = Array(_mean),
            ["scale"] = Array(_scale),
            ["weights"] = Array(_weights),
            ["bias"] = Math.Round(Bias, 6),
        };
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    /// <exception cref="FormatException">A member is missing.</exception>
    public static LogisticModel FromJson(JsonObject json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        double[] Numbers(string name) => json[name]?.AsArray().Select(n => n!.GetValue<double>()).ToArray()
            ?? throw new FormatException($"{source}: \"{name}\" is missing");
        return new LogisticModel(Numbers("mean"), Numbers("scale"), Numbers("weights"),
            json["bias"]?.GetValue<double>() ?? throw new FormatException($"{source}: \"bias\" is missing"));
    }
}
