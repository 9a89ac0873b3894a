;;; factlint.el --- Fact-check the numbers in prose with factlint, through eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, tools, wp
;; SPDX-License-Identifier: MIT OR Apache-2.0

;;; Commentary:

;; Registers factlint's language server (`factlint lsp') with eglot for Markdown and plain
;; text.  Put this file on the `load-path', install the `factlint' binary on PATH
;; (`cargo install --path .' in the factlint repository), and:
;;
;;   (require 'factlint)
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)
;;   (add-hook 'text-mode-hook #'eglot-ensure)    ; or run M-x eglot where you want it
;;
;; Settings (the keys of the VS Code extension without the `factlint.' prefix) are sent as
;; initializationOptions from `factlint-settings'; to change them in a running server, set
;; `eglot-workspace-configuration', e.g. in .dir-locals.el:
;;
;;   ((nil . ((eglot-workspace-configuration . (:factlint (:language "de"))))))
;;
;; `factlint-show-claims' lists the numeric claims of the current buffer.  Eglot runs one
;; server per major mode and project, so in Markdown buffers factlint takes the place of
;; another Markdown server such as marksman.

;;; Code:

(require 'eglot)
(require 'jsonrpc)
(require 'seq)

(defgroup factlint nil
  "Fact-check the numbers in English and German prose."
  :group 'tools
  :prefix "factlint-")

(defcustom factlint-program "factlint"
  "The factlint binary: a name on PATH or a file name."
  :type 'string)

(defcustom factlint-settings nil
  "Settings sent to the server as initializationOptions, as a plist.
For example (:language \"de\" :severity (:FL100 \"off\") :disable [\"markets\"])."
  :type '(plist :key-type symbol :value-type sexp))

(defconst factlint-modes
  '((markdown-mode :language-id "markdown")
    (gfm-mode :language-id "markdown")
    (text-mode :language-id "plaintext"))
  "The major modes factlint checks, with the languageId each is sent as.")

(defun factlint--contact (&optional _interactive)
  "The command line and options that start factlint's language server."
  (append (list factlint-program "lsp")
          (when factlint-settings
            (list :initializationOptions factlint-settings))))

(add-to-list 'eglot-server-programs (cons factlint-modes #'factlint--contact))

(defun factlint--text (value)
  "VALUE as text for the claims list; nothing for JSON null."
  (cond ((null value) "")
        ((stringp value) value)
        (t (format "%s" value))))

(defun factlint-show-claims ()
  "List the numeric claims of the current buffer, as the server reads them."
  (interactive)
  (let* ((server (eglot--current-server-or-lose))
         (name (buffer-name))
         (claims (jsonrpc-request server :factlint/claims
                                  (eglot--TextDocumentIdentifier))))
    (with-current-buffer (get-buffer-create "*factlint claims*")
      (let ((inhibit-read-only t))
        (erase-buffer)
        (insert (format "%d claims in %s\n\n" (length claims) name))
        (seq-doseq (claim claims)
          (let ((high (plist-get claim :high)))
            (insert (format "%d:%d\t%s\t%s %s%s %s\t%s\n"
                            (plist-get claim :line)
                            (plist-get claim :column)
                            (plist-get claim :text)
                            (plist-get claim :kind)
                            (factlint--text (plist-get claim :value))
                            (if high (format "–%s" high) "")
                            (factlint--text (plist-get claim :unit))
                            (plist-get claim :bound))))))
      (special-mode)
      (goto-char (point-min)))
    (display-buffer "*factlint claims*")))

(provide 'factlint)

;;; factlint.el ends here
