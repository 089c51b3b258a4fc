package org.deliveryprogress.register;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A network's register in and out of spreadsheets, by its managers: plans, indicators, actions and indicators' past
 * values, as CSV (UTF-8) or xlsx, in the layouts of {@link RegisterLayout}.
 */
@RestController
@RequestMapping("/api/networks/{code}")
@Tag(name = "Spreadsheet import and export")
class RegisterFilesApi {

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
        Optional<String> refused = RegisterFiles.partsRefused(request);
        if (refused.isPresent()) {
            throw new InvalidRequestException(refused.get());
        }
        Map<RegisterLayout, byte[]> files = RegisterFiles.chosen(plans, indicators, actions, indicatorValues);
        if (files.isEmpty()) {
            throw new InvalidRequestException("Send at least one of the files " + RegisterFiles.fileNames() + ".");
        }
        return registerImport.importFiles(network, files, viewer.userId());
    }

    @PostMapping(path = "/import/{file}", consumes = { "text/csv", "text/plain", "application/octet-stream",
            RegisterFiles.XLSX_VALUE })
    @Operation(summary = "Import one file (plans, indicators, actions or indicator_values) sent as the request body, "
            + "all or nothing", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The file, CSV (UTF-8, with or without BOM) or xlsx, at most as large as a part of "
                            + "/import", content = {
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = RegisterFiles.XLSX_VALUE,
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = "text/plain", schema = @Schema(type = "string",
                                        format = "binary")),
                                @Content(mediaType = "application/octet-stream",
                                        schema = @Schema(type = "string", format = "binary")) }))
    ImportSummary importFile(@PathVariable String code, @PathVariable String file, InputStream body)
            throws IOException {
        Viewer viewer = Viewer.current();
        Network network = access.networkToManage(code, viewer);
        RegisterLayout layout = RegisterFiles.layout(file);
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
    @ApiResponse(responseCode = "200", description = "The file, named in Content-Disposition", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> exportCsv(@PathVariable String code, @PathVariable String file) {
        Network network = access.networkToManage(code, Viewer.current());
        return RegisterFiles.download(registerExport.csv(network, RegisterFiles.layout(file)), RegisterFiles.CSV,
                network, file + ".csv");
    }

    @GetMapping("/export/{file}.xlsx")
    @Operation(summary = "Export plans, indicators, actions or indicator_values as an xlsx workbook, in the "
            + "import's layout")
    @ApiResponse(responseCode = "200", description = "The workbook, named in Content-Disposition", content = @Content(
            mediaType = RegisterFiles.XLSX_VALUE, schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> exportXlsx(@PathVariable String code, @PathVariable String file) {
        Network network = access.networkToManage(code, Viewer.current());
        return RegisterFiles.download(registerExport.xlsx(network, RegisterFiles.layout(file)), RegisterFiles.XLSX,
                network, file + ".xlsx");
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
}
