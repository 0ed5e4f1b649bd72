package org.disclosureetl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Gives each copy of a seed report an agency of its own, as a backlog of reports from many agencies has: a real
 * place of the seed's level (a city for a city agency, a district for a district agency, from the division list the
 * product places agencies with, {@code src/main/resources/reference/divisions}) and a common department. Without
 * it every copy of a seed would be the same agency's report of the same year, a duplicate of the series' copy that
 * differs in every renumbered cell, which no real inbox is.
 *
 * <p>Each (place, department) pair is given once per corpus, so no two renamed copies are one agency. Traditional
 * seeds get the names in Traditional script (opencc4j), limited to names Big5 can encode, since their TXT copies
 * are also written in Big5.
 */
final class AgencyNames {

    /** How a seed report names its agency ({@code bench/seed-agencies.csv}). */
    record SeedAgency(String seed, Level level, List<String> spellings, String department) {
    }

    enum Level {
        CITY, DISTRICT
    }

    /** A place a copy is given: its name and, for a district, the city or municipality it belongs to. */
    record Place(String name, String city) {
    }

    /** A copy's agency. */
    record Agency(Place place, String department) {
    }

    private static final int MAX_TRIES = 1_000;
    private static final Charset BIG5 = Charset.forName("Big5");

    private final Map<String, SeedAgency> seeds;
    private final Map<Level, List<Place>> places;
    private final List<String> departments;
    private final Set<String> given = new HashSet<>();

    private AgencyNames(Map<String, SeedAgency> seeds, Map<Level, List<Place>> places, List<String> departments) {
        this.seeds = seeds;
        this.places = places;
        this.departments = departments;
    }

    /** @param divisions the product's division list ({@code src/main/resources/reference/divisions}) */
    static AgencyNames load(Path divisions) {
        return new AgencyNames(seedAgencies(), places(divisions), lines("bench/departments.txt"));
    }

    /** A fresh set of names for another corpus: what was given is forgotten. */
    AgencyNames fresh() {
        return new AgencyNames(seeds, places, departments);
    }

    /**
     * Picks the agency of one copy of a seed, one no other copy of this corpus got, and returns what renames the
     * seed's agency to it in a text of the copy (in the seed's script). For a seed this class has no naming for,
     * the text is left as it is.
     */
    UnaryOperator<String> renamerFor(String seed, boolean traditional, SplittableRandom random) {
        SeedAgency agency = seeds.get(seed);
        if (agency == null) {
            return UnaryOperator.identity();
        }
        Agency next = next(agency.level(), traditional, random);
        Function<String, String> script = traditional ? ZhConverterUtil::toTraditional : Function.identity();
        return text -> {
            String renamed = text;
            for (String spelling : agency.spellings()) {
                renamed = renamed.replace(spelling, script.apply(spelled(spelling, agency, next.place())));
            }
            return renamed.replace(agency.department(), script.apply(next.department()));
        };
    }

    Agency next(Level level, boolean traditional, SplittableRandom random) {
        List<Place> pool = places.get(level);
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            Place place = pool.get(random.nextInt(pool.size()));
            String department = departments.get(random.nextInt(departments.size()));
            if (traditional && !(big5(ZhConverterUtil.toTraditional(place.name() + place.city() + department)))) {
                continue;
            }
            if (given.add(place.name() + "/" + department)) {
                return new Agency(place, department);
            }
        }
        throw new IllegalStateException("no agency left for another " + level + " copy: the corpus is larger than "
                + "the division list and departments can name apart");
    }

    /** A seed's spelling of its place, written for the new place. */
    private static String spelled(String spelling, SeedAgency agency, Place place) {
        boolean withCity = agency.level() == Level.DISTRICT && spelling.length() > agency.spellings()
                .get(agency.spellings().size() - 1).length();
        if (withCity) {
            return place.city() + place.name();
        }
        return spelling.endsWith("市") || spelling.endsWith("区") ? place.name()
                : place.name().substring(0, place.name().length() - 1);
    }

    private static boolean big5(String text) {
        CharsetEncoder encoder = BIG5.newEncoder();
        return encoder.canEncode(text);
    }

    private static Map<String, SeedAgency> seedAgencies() {
        Map<String, SeedAgency> seeds = new LinkedHashMap<>();
        for (String line : lines("bench/seed-agencies.csv")) {
            if (line.startsWith("seed,")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            seeds.put(fields[0], new SeedAgency(fields[0], Level.valueOf(fields[1].toUpperCase(java.util.Locale.ROOT)),
                    List.of(fields[2].split("\\|")), fields[3]));
        }
        return Map.copyOf(seeds);
    }

    /**
     * Cities: prefecture-level and county-level cities (名 ending 市); districts: names ending 区 with their city (or
     * the municipality for a municipality's districts). Only names the list holds once, so the product can place them.
     */
    private static Map<Level, List<Place>> places(Path divisions) {
        List<String[]> provinces = csv(divisions.resolve("provinces.csv"));
        List<String[]> cities = csv(divisions.resolve("cities.csv"));
        List<String[]> areas = csv(divisions.resolve("areas.csv"));
        Map<String, String> provinceNames = provinces.stream().collect(Collectors.toMap(r -> r[0], r -> r[1]));
        Map<String, String> cityNames = cities.stream().collect(Collectors.toMap(r -> r[0], r -> r[1]));
        Map<String, Integer> counts = new HashMap<>();
        cities.forEach(r -> counts.merge(r[1], 1, Integer::sum));
        areas.forEach(r -> counts.merge(r[1], 1, Integer::sum));
        List<Place> cityPlaces = new ArrayList<>();
        for (List<String[]> rows : List.of(cities, areas)) {
            rows.stream().map(r -> r[1]).filter(n -> n.endsWith("市") && n.length() >= 3 && counts.get(n) == 1)
                    .sorted().forEach(n -> cityPlaces.add(new Place(n, "")));
        }
        List<Place> districts = new ArrayList<>();
        for (String[] area : areas) {
            String name = area[1];
            String city = cityNames.getOrDefault(area[2], "");
            if (!city.endsWith("市")) {
                city = provinceNames.getOrDefault(area[3], "");
            }
            if (name.endsWith("区") && name.length() >= 3 && counts.get(name) == 1 && city.endsWith("市")) {
                districts.add(new Place(name, city));
            }
        }
        return Map.of(Level.CITY, List.copyOf(cityPlaces), Level.DISTRICT, List.copyOf(districts));
    }

    /** A division file: a header line, then code and quoted name first; no field holds a comma. */
    private static List<String[]> csv(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> Arrays.stream(l.split(",")).map(f -> f.replace("\"", "")).toArray(String[]::new))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the division list " + file, e);
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = AgencyNames.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bench resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
