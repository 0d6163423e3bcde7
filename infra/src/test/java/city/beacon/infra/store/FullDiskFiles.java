package city.beacon.infra.store;

import org.h2.store.fs.FileBaseDefault;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * An H2 file system ({@code fulldisk:<path>}) over the real one whose writes fail with "No space left on device"
 * while {@link #full} is set, as the operating system answers on a full disk: the MVStore's own reaction to a full
 * disk, without one.
 */
public final class FullDiskFiles extends FilePathWrapper {
    static final String SCHEME = "fulldisk";
    static volatile boolean full;

    /** H2 creates one per path it is asked for, by reflection. */
    public FullDiskFiles() {
    }

    static void register() {
        FilePath.register(new FullDiskFiles());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    private static final class Channel extends FileBaseDefault {
        private final FileChannel disk;

        Channel(FileChannel disk) {
            this.disk = disk;
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return disk.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
            return disk.write(src, position);
        }

        @Override
        public long size() throws IOException {
            return disk.size();
        }

        @Override
        protected void implTruncate(long size) throws IOException {
            disk.truncate(size);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            disk.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return disk.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            disk.close();
        }
    }
}
