package org.equitylake.cli;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.equitylake.config.Settings;
import org.equitylake.sample.GenerationSummary;
import org.equitylake.sample.SampleCityGenerator;
import org.equitylake.sample.SampleCityOptions;
import org.equitylake.sample.SampleCityParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate-sample", mixinStandardHelpOptions = true,
        description = "Write the sample city: a landing zone of realistic, messy exports and, apart from it, the truth.")
final class GenerateSampleCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(GenerateSampleCommand.class);

    @Mixin
    CommonOptions options;

    @Option(names = "--seed", description = "Random seed; the same seed gives byte-identical files (default: equity-lake.sample.seed).")
    Long seed;

    @Option(names = "--scale", description = "Grows records and address points linearly; 1 is a mid-size city (default: equity-lake.sample.scale).")
    Double scale;

    @Option(names = "--years", paramLabel = "FIRST-LAST", description = "Years to generate, e.g. 2016-2025.")
    String years;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder; gets landing/ and truth/ (default: equity-lake.sample.out).")
    Path out;

    @Override
    public Integer call() {
        Settings settings = Settings.load(options.confFile(), options.overrides);
        SampleCityOptions sampleOptions = fromSettings(settings, seed, scale, years, out);
        GenerationSummary summary = SampleCityGenerator.generate(sampleOptions);
        System.out.println(summary);
        return 0;
    }

    static SampleCityOptions fromSettings(Settings settings, Long seed, Double scale, String years, Path out) {
        Config sample = settings.config().getConfig(Settings.ROOT + ".sample");
        int firstYear = sample.getInt("first-year");
        int lastYear = sample.getInt("last-year");
        if (years != null) {
            String[] range = years.split("-");
            if (range.length != 2) {
                throw new IllegalArgumentException("--years must be FIRST-LAST, e.g. 2016-2025, was " + years);
            }
            firstYear = Integer.parseInt(range[0].trim());
            lastYear = Integer.parseInt(range[1].trim());
        }
        return new SampleCityOptions(
                seed != null ? seed : sample.getLong("seed"),
                scale != null ? scale : sample.getDouble("scale"),
                firstYear, lastYear,
                out != null ? out : Path.of(sample.getString("out")),
                SampleCityParameters.defaults());
    }

    /** The demo profile's first run: generate the sample city where the landing root points, if nothing is there. */
    static void generateDemoCityIfMissing(Settings settings) {
        Path landing = Path.of(settings.landingRoot());
        if (!settings.isDemo() || settings.landingRoot().contains("://") || Files.exists(landing)) {
            return;
        }
        Path out = landing.toAbsolutePath().getParent();
        LOG.info("no landing zone at {}: generating the sample city into {}", landing, out);
        System.out.println(SampleCityGenerator.generate(fromSettings(settings, null, null, null, out)));
    }
}
