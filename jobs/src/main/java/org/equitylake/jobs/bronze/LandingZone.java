package org.equitylake.jobs.bronze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** The landing zone as Hadoop sees it, so the same code lists a local folder and an s3a:// prefix. */
public final class LandingZone {
    private static final List<String> SHAPEFILE_PARTS = List.of(".shp", ".shx", ".dbf", ".prj", ".cpg");

    private final Configuration hadoop;
    private final Path root;

    public LandingZone(Configuration hadoop, String root) {
        this.hadoop = hadoop;
        this.root = new Path(root);
    }

    public boolean exists() {
        try {
            return root.getFileSystem(hadoop).exists(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the landing zone " + root, e);
        }
    }

    /**
     * Every file under the root landed by the given day, shapefile parts grouped under their .shp,
     * hidden files left out. A file named for a later export day is not read (hashed) at all.
     */
    public List<LandingFile> list(LocalDate landedBy) {
        try {
            FileSystem fs = root.getFileSystem(hadoop);
            String rootUri = fs.makeQualified(root).toUri().getPath();
            Map<String, List<FileStatus>> byStem = new TreeMap<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                FileStatus status = it.next();
                String name = status.getPath().getName();
                if (name.startsWith(".") || name.startsWith("_")) {
                    continue;
                }
                String rel = relative(rootUri, status.getPath());
                String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')).toLowerCase(java.util.Locale.ROOT) : "";
                String stem = SHAPEFILE_PARTS.contains(extension) ? rel.substring(0, rel.length() - extension.length()) + ".shp" : rel;
                byStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(status);
            }
            List<LandingFile> files = new ArrayList<>();
            for (Map.Entry<String, List<FileStatus>> e : byStem.entrySet()) {
                if (LandingFile.exportDateOf(e.getKey()).map(d -> d.isAfter(landedBy)).orElse(false)) {
                    continue;
                }
                List<FileStatus> parts = new ArrayList<>(e.getValue());
                parts.sort(java.util.Comparator.comparing(s -> s.getPath().getName()));
                String main = parts.stream().map(s -> s.getPath().toString())
                        .filter(p -> p.endsWith(e.getKey().substring(e.getKey().lastIndexOf('/') + 1)))
                        .findFirst().orElse(parts.get(0).getPath().toString());
                long bytes = parts.stream().mapToLong(FileStatus::getLen).sum();
                files.add(new LandingFile(main, e.getKey(), bytes, hash(fs, parts),
                        parts.stream().map(s -> s.getPath().toString()).toList()));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the landing zone " + root, e);
        }
    }

    /** The header of a delimited file, or the keys of the first object of a JSON Lines file. */
    public Optional<List<String>> headerOrKeys(LandingFile file, String format) {
        Path path = new Path(file.path());
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            if (format.equals("jsonl")) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String first = reader.readLine();
                return first == null || first.isBlank() ? Optional.empty() : JsonLines.keys(first);
            }
            List<List<String>> header = new ArrayList<>();
            try {
                CsvRecords.read(in, r -> {
                    header.add(r.fields());
                    throw new HeaderRead();
                });
            } catch (HeaderRead expected) {
                // only the first record is needed
            }
            return header.isEmpty() || header.get(0).isEmpty() ? Optional.empty() : Optional.of(header.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
    }

    private static final class HeaderRead extends RuntimeException {
        HeaderRead() {
            super(null, null, false, false);
        }
    }

    private static String relative(String rootUriPath, Path file) {
        String p = file.toUri().getPath();
        String prefix = rootUriPath.endsWith("/") ? rootUriPath : rootUriPath + "/";
        return p.startsWith(prefix) ? p.substring(prefix.length()) : file.getName();
    }

    private static String hash(FileSystem fs, List<FileStatus> parts) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (FileStatus part : parts) {
            try (InputStream in = fs.open(part.getPath())) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
