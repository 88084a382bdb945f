package io.pactwatch.classifier.domain;

import io.pactwatch.classifier.domain.PlaceMention.Form;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the world gazetteer: every ISO 3166-1 country by its JDK English name, enriched by the curated
 * {@code gazetteer/world.tsv} (short forms, demonyms, capitals, leaders) and the European Union.
 */
public final class WorldGazetteer {

    private static final String RESOURCE = "/gazetteer/world.tsv";
    private static volatile Gazetteer cached;

    private WorldGazetteer() {
    }

    public static Gazetteer get() {
        Gazetteer g = cached;
        if (g == null) {
            synchronized (WorldGazetteer.class) {
                if (cached == null) {
                    cached = build();
                }
                g = cached;
            }
        }
        return g;
    }

    private static Gazetteer build() {
        Gazetteer g = new Gazetteer();
        Map<String, String[]> curated = readCurated();
        for (Map.Entry<String, String[]> e : curated.entrySet()) {
            String[] f = e.getValue();
            Place place = new Place(e.getKey(), f[1]);
            g.add(place, Form.NAME, f[1]);
            addAll(g, place, Form.NAME, field(f, 2));
            addAll(g, place, Form.DEMONYM, field(f, 3));
            addAll(g, place, Form.CAPITAL, field(f, 4));
            addAll(g, place, Form.LEADER, field(f, 5));
        }
        for (String code : Locale.getISOCountries()) {
            if (!curated.containsKey(code)) {
                String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
                if (!name.isBlank() && !name.equals(code)) {
                    g.add(new Place(code, name), Form.NAME, name);
                }
            }
        }
        return g;
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    private static void addAll(Gazetteer g, Place place, Form form, String list) {
        for (String s : list.split(";")) {
            g.add(place, form, s);
        }
    }

    private static Map<String, String[]> readCurated() {
        Map<String, String[]> rows = new HashMap<>();
        try (InputStream in = WorldGazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.put(f[0].strip(), f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
