package org.mscmeta.files;

/** The output folder cannot be used as asked; the message is a sentence for the user, naming the folder. */
public final class OutputFolderException extends Exception {

    private static final long serialVersionUID = 1L;

    public OutputFolderException(String message) {
        super(message);
    }
}
