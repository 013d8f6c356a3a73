/**
 * The preview sets English text in a Latin serif on every system: on Linux,
 * where neither Georgia nor Times New Roman is installed, a CJK font used to
 * draw its quotes and apostrophes full width ("Customer’ s"). Chromium says
 * which fonts it really used for a node (CSS.getPlatformFontsForNode).
 */
import { expect, test } from './fixtures';
import { ContractPreviewPanel } from './page-models/ContractPreview';
import { HomePage } from './page-models/HomePage';

test('the English preview draws its Latin text, apostrophes included, without a CJK font', async ({ appPage }) => {
  await new HomePage(appPage).createFromPreset('enterprise');
  const preview = new ContractPreviewPanel(appPage);
  const paragraph = preview.region.getByText(/Customer’s/).first();
  await expect(paragraph).toBeVisible();
  await paragraph.evaluate((element) => element.setAttribute('data-font-probe', ''));

  const cdp = await appPage.context().newCDPSession(appPage);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-font-probe]' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  const families = fonts.map((font) => font.familyName);
  expect(families.length).toBeGreaterThan(0);
  expect(families.filter((family) => /CJK|Song|SimSun|Hei|Kai|Ming/i.test(family))).toEqual([]);
});
