package dev.ailab.generators.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/** What changed between two bundles' manifests: charts, images and files, each added, removed or changed. */
public final class BundleDiff {
    private BundleDiff() {
    }

    /** One difference: {@code kind} chart, image or file; {@code change} added, removed or changed. */
    public record Change(String kind, String name, String change, String from, String to) {
    }

    public static List<Change> of(BundleManifest old, BundleManifest now) {
        List<Change> changes = new ArrayList<>();
        compare("chart", old.charts(), now.charts(), BundleManifest.Chart::name, c -> c.version() + " " + c.sha256(), changes);
        compare("image", old.images(), now.images(), BundleManifest.Image::reference,
                i -> i.digest() == null ? "" : i.digest(), changes);
        compare("file", old.files(), now.files(), BundleManifest.FileEntry::path, BundleManifest.FileEntry::sha256, changes);
        return changes;
    }

    private static <T> void compare(String kind, List<T> old, List<T> now, Function<T, String> key, Function<T, String> value,
                                    List<Change> into) {
        Map<String, String> a = index(old, key, value);
        Map<String, String> b = index(now, key, value);
        TreeMap<String, Boolean> names = new TreeMap<>();
        a.keySet().forEach(k -> names.put(k, true));
        b.keySet().forEach(k -> names.put(k, true));
        for (String name : names.keySet()) {
            String from = a.get(name);
            String to = b.get(name);
            if (from == null) {
                into.add(new Change(kind, name, "added", null, to));
            } else if (to == null) {
                into.add(new Change(kind, name, "removed", from, null));
            } else if (!Objects.equals(from, to)) {
                into.add(new Change(kind, name, "changed", from, to));
            }
        }
    }

    private static <T> Map<String, String> index(List<T> items, Function<T, String> key, Function<T, String> value) {
        Map<String, String> m = new TreeMap<>();
        if (items != null) {
            items.forEach(i -> m.put(key.apply(i), value.apply(i)));
        }
        return m;
    }
}
