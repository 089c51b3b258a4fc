package org.deliveryprogress.register;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.deliveryprogress.imports.RegisterLayout;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

/**
 * The register's files as the API ({@link RegisterFilesApi}) and the network's page ({@link RegisterPages}) take and
 * give them: an upload's four parts, the refusal of a part that is none of them, and a file to download.
 */
final class RegisterFiles {

    static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    /** Spring Security's, which the network page's form sends beside its files. */
    private static final String CSRF_PARAMETER = "_csrf";

    private RegisterFiles() {
    }

    /** The files an upload's parts hold, by their layout: those chosen, of the four parts. */
    static Map<RegisterLayout, byte[]> chosen(MultipartFile plans, MultipartFile indicators, MultipartFile actions,
            MultipartFile indicatorValues) throws IOException {
        Map<RegisterLayout, byte[]> files = new EnumMap<>(RegisterLayout.class);
        put(files, RegisterLayout.PLANS, plans);
        put(files, RegisterLayout.INDICATORS, indicators);
        put(files, RegisterLayout.ACTIONS, actions);
        put(files, RegisterLayout.INDICATOR_VALUES, indicatorValues);
        return files;
    }

    /**
     * Takes a file that was chosen: one with a name, even if it is empty, which the import then says; a browser sends
     * a form's file box left empty as a part with no name.
     */
    private static void put(Map<RegisterLayout, byte[]> files, RegisterLayout layout, MultipartFile file)
            throws IOException {
        if (file != null && (!file.isEmpty() || (file.getOriginalFilename() != null
                && !file.getOriginalFilename().isBlank()))) {
            files.put(layout, file.getBytes());
        }
    }

    /**
     * Why an import's parts are refused, if they are: a part that is none of its files, such as "Actions" or
     * "indicator-values", or a file's part sent as a form's text rather than as a file (curl's
     * {@code -F plans=<plans.csv} where {@code -F plans=@plans.csv} was meant). Spring gives neither as a file: left
     * out, their files would be missing from an import that said nothing of them. A form's CSRF token is no file's
     * part, and a post to the page that is no upload has no parts.
     */
    static Optional<String> partsRefused(HttpServletRequest request) throws IOException, ServletException {
        if (!StringUtils.startsWithIgnoreCase(request.getContentType(), MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return Optional.empty();
        }
        Collection<Part> parts = request.getParts();
        List<String> unknown = parts.stream().map(Part::getName).filter(name -> !name.equals(CSRF_PARAMETER)
                && !isFileName(name)).distinct().toList();
        if (!unknown.isEmpty()) {
            return Optional.of(partNames(unknown) + " not a file of the register, and nothing was imported: the files' "
                    + "parts are named " + fileNames() + ", as written here.");
        }
        List<String> asText = parts.stream().filter(part -> part.getSubmittedFileName() == null)
                .map(Part::getName).filter(RegisterFiles::isFileName).distinct().toList();
        if (!asText.isEmpty()) {
            return Optional.of(partNames(asText) + " text, not a file, and nothing was imported: send each file as a "
                    + "file (with curl, -F " + asText.get(0) + "=@" + asText.get(0) + ".csv, not =<).");
        }
        return Optional.empty();
    }

    private static boolean isFileName(String name) {
        return RegisterLayout.named(name).isPresent();
    }

    /** 'The part "Actions" is', or 'The parts "Actions" and "indicator-values" are'. */
    private static String partNames(List<String> names) {
        List<String> quoted = names.stream().map(name -> "\"" + name + "\"").toList();
        return quoted.size() == 1 ? "The part " + quoted.get(0) + " is"
                : "The parts " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and "
                        + quoted.get(quoted.size() - 1) + " are";
    }

    static RegisterLayout layout(String file) {
        return RegisterLayout.named(file).orElseThrow(() -> new NotFoundException("There is no register file " + file
                + ": the files are " + fileNames() + "."));
    }

    /** The files' names for a sentence: "plans, indicators, actions and indicator_values". */
    static String fileNames() {
        List<String> names = Arrays.stream(RegisterLayout.values()).map(RegisterLayout::fileName).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    static ResponseEntity<byte[]> download(byte[] content, MediaType type, Network network, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(network.getCode().toLowerCase(Locale.ROOT) + "-" + name).build().toString())
                .body(content);
    }
}
