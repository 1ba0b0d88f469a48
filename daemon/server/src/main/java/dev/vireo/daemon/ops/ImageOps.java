package dev.vireo.daemon.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.daemon.FileWork;
import dev.vireo.daemon.Json;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.daemon.rpc.RpcException;
import dev.vireo.protocol.ops.ImageRequests;
import dev.vireo.storage.BackingChain;
import dev.vireo.storage.ChainPolicy;
import dev.vireo.storage.FormatDetector;
import dev.vireo.storage.ImageFormat;
import dev.vireo.storage.ImageInfo;
import dev.vireo.storage.StorageException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code image-info}: the daemon's own reader's view of an image or of its whole backing chain,
 * under the same safety rules a start applies (an unrecorded backing format, a loop or a missing
 * layer is refused, not guessed around). The result is an array of qemu-img style image objects,
 * top first.
 */
public final class ImageOps {
    private final ChainPolicy policy;
    private final FileWork files;

    public ImageOps(ChainPolicy policy, FileWork files) {
        this.policy = policy;
        this.files = files;
    }

    public void register(Operations ops) {
        ops.handle(ImageRequests.ImageInfo.class, this::imageInfo);
    }

    private JsonNode imageInfo(ImageRequests.ImageInfo request) throws RpcException, VireoError {
        Path path = Path.of(request.path());
        ImageFormat given = request.format() != null ? parseFormat(request.format()) : null;
        boolean chain = request.backingChain();
        try {
            // opening a FIFO or a file on a hung mount blocks: never on the RPC's virtual thread
            List<ImageInfo> images = files.run("reading " + path, () -> {
                // Without a format, the top image's is detected from its content, as qemu-img does for
                // a person asking about a file; backing layers always take their overlay's record.
                ImageFormat format = given != null ? given : FormatDetector.detectOrRaw(path);
                return chain ? ImageInfo.of(BackingChain.open(path, format, policy)) : List.of(ImageInfo.read(path, format));
            });
            return Json.MAPPER.readTree(ImageInfo.toJson(images));
        } catch (StorageException e) {
            throw VireoError.failed(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw VireoError.internal("image-info produced invalid JSON: " + e.getMessage(), e);
        } catch (FileWork.StuckException e) {
            throw VireoError.failed(e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw VireoError.failed(path + ": no such file", e);
        } catch (IOException e) {
            throw VireoError.failed(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ImageFormat parseFormat(String name) throws RpcException, VireoError {
        return ImageFormat.forName(name).orElseThrow(() -> new RpcException(ErrorCodes.BAD_REQUEST,
                "unknown image format '" + name + "'; allowed: " + ImageFormat.knownNames()));
    }
}
