package org.deliveryprogress.register;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.deliveryprogress.identity.RegisterAccess;
import org.deliveryprogress.identity.Viewer;
import org.deliveryprogress.imports.ImportProblem;
import org.deliveryprogress.imports.ImportRejectedException;
import org.deliveryprogress.imports.ImportSummary;
import org.deliveryprogress.imports.RegisterExport;
import org.deliveryprogress.imports.RegisterImport;
import org.deliveryprogress.imports.RegisterLayout;
import org.deliveryprogress.networks.Network;
import org.deliveryprogress.shared.InvalidRequestException;
import org.deliveryprogress.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

/**
 * A network's register in and out of spreadsheets, by its managers: plans, indicators, actions and indicators' past
 * values, as CSV (UTF-8) or xlsx, in the layouts of {@link RegisterLayout}.
 */
@RestController
@RequestMapping("/api/networks/{code}")
@Tag(name = "Spreadsheet import and export")
class RegisterFilesApi {

    private static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    /** Spring Security's, which the network page's form sends beside its files. */
    private static final String CSRF_PARAMETER = "_csrf";

    private final RegisterAccess access;
    private final RegisterImport registerImport;
    private final RegisterExport registerExport;
    /** A file sent as the body is held to the limit of a file sent as a part. */
    private final int maxFileBytes;

    RegisterFilesApi(RegisterAccess access, RegisterImport registerImport, RegisterExport registerExport,
            @Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
        this.access = access;
        this.registerImport = registerImport;
        this.registerExport = registerExport;
        this.maxFileBytes = Math.toIntExact(maxFileSize.toBytes());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import plans, indicators, actions and indicator values together (any of the four parts), "
            + "all or nothing",
            description = "Each part is a CSV (UTF-8, with or without BOM) or xlsx file. A file with mistakes imports "
                    + "nothing and the answer lists every mistake with its file, line and column. References are "
                    + "the keys: importing the same files again changes nothing. A value for a period its indicator "
                    + "has a value for already replaces it. Every column of a layout must be in its file, if only "
                    + "empty, but key_partners and retired (plans), resources and risk (actions), which came later: "
                    + "a file without them keeps what the register holds in them. A part of another name is refused.")
    ImportSummary importFiles(@PathVariable String code,
            @RequestPart(required = false) MultipartFile plans,
            @RequestPart(required = false) MultipartFile indicators,
            @RequestPart(required = false) MultipartFile actions,
            @RequestPart(name = "indicator_values", required = false) MultipartFile indicatorValues,
            HttpServletRequest request) throws IOException, ServletException {
        Viewer viewer = Viewer.current();
        Network network = access.networkToManage(code, viewer);
        Optional<String> refused = partsRefused(request);
        if (refused.isPresent()) {
            throw new InvalidRequestException(refused.get());
        }
        Map<RegisterLayout, byte[]> files = new EnumMap<>(RegisterLayout.class);
        put(files, RegisterLayout.PLANS, plans);
        put(files, RegisterLayout.INDICATORS, indicators);
        put(files, RegisterLayout.ACTIONS, actions);
        put(files, RegisterLayout.INDICATOR_VALUES, indicatorValues);
        if (files.isEmpty()) {
            throw new InvalidRequestException("Send at least one of the files " + fileNames() + ".");
        }
        return registerImport.importFiles(network, files, viewer.userId());
    }

    @PostMapping(path = "/import/{file}", consumes = { "text/csv", "text/plain", "application/octet-stream",
            XLSX_VALUE })
    @Operation(summary = "Import one file (plans, indicators, actions or indicator_values) sent as the request body, "
            + "all or nothing")
    ImportSummary importFile(@PathVariable String code, @PathVariable String file, InputStream body)
            throws IOException {
        Viewer viewer = Viewer.current();
        Network network = access.networkToManage(code, viewer);
        RegisterLayout layout = layout(file);
        // Read after the access check, and no more than an upload may hold.
        byte[] content = body.readNBytes(maxFileBytes + 1);
        if (content.length > maxFileBytes) {
            throw new MaxUploadSizeExceededException(maxFileBytes);
        }
        return registerImport.importFiles(network, Map.of(layout, content), viewer.userId());
    }

    @GetMapping("/export/{file}.csv")
    @Operation(summary = "Export plans, indicators, actions or indicator_values as CSV (UTF-8 with BOM), in the "
            + "import's layout")
    ResponseEntity<byte[]> exportCsv(@PathVariable String code, @PathVariable String file) {
        Network network = access.networkToManage(code, Viewer.current());
        return download(registerExport.csv(network, layout(file)), CSV, network, file + ".csv");
    }

    @GetMapping("/export/{file}.xlsx")
    @Operation(summary = "Export plans, indicators, actions or indicator_values as an xlsx workbook, in the "
            + "import's layout")
    ResponseEntity<byte[]> exportXlsx(@PathVariable String code, @PathVariable String file) {
        Network network = access.networkToManage(code, Viewer.current());
        return download(registerExport.xlsx(network, layout(file)), XLSX, network, file + ".xlsx");
    }

    /** An import with mistakes: every mistake, in words and as fields, so that a client can show each in place. */
    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail importRejected(ImportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Import rejected");
        List<ImportProblem> problems = e.problems();
        problem.setProperty("problems", problems.stream().map(ImportProblem::describe).toList());
        problem.setProperty("errors", problems);
        return problem;
    }

    /**
     * Takes a file that was chosen: one with a name, even if it is empty, which the import then says; a browser sends
     * a form's file box left empty as a part with no name.
     */
    static void put(Map<RegisterLayout, byte[]> files, RegisterLayout layout, MultipartFile file)
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
                .map(Part::getName).filter(RegisterFilesApi::isFileName).distinct().toList();
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
