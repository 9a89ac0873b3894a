-- factlint's language server for Neovim 0.11+ (`vim.lsp.config` and `vim.lsp.enable`).
--
-- Put this file on the runtimepath as `lsp/factlint.lua` (for example in
-- `~/.config/nvim/lsp/`) and call `vim.lsp.enable('factlint')`. Settings go in `settings`;
-- they are sent as initializationOptions and again in workspace/didChangeConfiguration:
--
--   vim.lsp.config('factlint', { settings = { factlint = { language = 'de' } } })
--
-- The keys are those of the VS Code extension without the `factlint.` prefix: language,
-- reportingCurrency, severity, disable, rules, inlayHints, diagnosticMode, factMaxAgeDays,
-- languageIds. `:FactlintClaims` lists the current buffer's numeric claims.

---@param client vim.lsp.Client
---@param bufnr integer
local function show_claims(client, bufnr)
  client:request('factlint/claims', { uri = vim.uri_from_bufnr(bufnr) }, function(err, claims)
    if err then
      vim.notify('factlint: ' .. err.message, vim.log.levels.ERROR)
      return
    end
    local lines = { ('%d claims in %s'):format(#claims, vim.api.nvim_buf_get_name(bufnr)), '' }
    for _, claim in ipairs(claims) do
      local value = claim.value == vim.NIL and '' or tostring(claim.value)
      if claim.high ~= nil and claim.high ~= vim.NIL then
        value = value .. '–' .. tostring(claim.high)
      end
      local unit = (claim.unit ~= nil and claim.unit ~= vim.NIL) and claim.unit or ''
      lines[#lines + 1] = ('%d:%d\t%s\t%s %s %s\t%s'):format(
        claim.line, claim.column, claim.text, claim.kind, value, unit, claim.bound)
    end
    vim.cmd('botright new')
    local scratch = vim.api.nvim_get_current_buf()
    vim.bo[scratch].buftype = 'nofile'
    vim.bo[scratch].bufhidden = 'wipe'
    vim.api.nvim_buf_set_lines(scratch, 0, -1, false, lines)
    vim.bo[scratch].modifiable = false
  end, bufnr)
end

---@type vim.lsp.Config
return {
  cmd = { 'factlint', 'lsp' },
  -- Neovim sends the filetype as the languageId; the server checks `markdown` and `text`.
  filetypes = { 'markdown', 'text' },
  root_markers = { 'factlint.toml', '.factlint.toml', '.git' },
  settings = {},
  -- The same settings go out as initializationOptions; an empty table would be sent as `[]`.
  before_init = function(params, config)
    if next(config.settings or {}) then
      params.initializationOptions = config.settings
    end
  end,
  on_attach = function(client, bufnr)
    vim.api.nvim_buf_create_user_command(bufnr, 'FactlintClaims', function()
      show_claims(client, bufnr)
    end, { desc = 'factlint: list the numeric claims of this buffer' })
  end,
}
