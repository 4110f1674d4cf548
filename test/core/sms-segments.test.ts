import { expect } from '@open-wc/testing';
import { smsSegments } from '../../src/core/sms.js';

describe('smsSegments', () => {
  it('R-COMP-02: an empty text is no SMS', () => {
    expect(smsSegments('')).to.deep.equal({ encoding: 'gsm7', units: 0, segments: 0, perSegment: 160 });
  });

  it('R-COMP-02: GSM-7 holds 160 characters in one SMS and 153 per part beyond', () => {
    expect(smsSegments('a'.repeat(160))).to.deep.equal({ encoding: 'gsm7', units: 160, segments: 1, perSegment: 160 });
    expect(smsSegments('a'.repeat(161))).to.deep.equal({ encoding: 'gsm7', units: 161, segments: 2, perSegment: 153 });
    expect(smsSegments('a'.repeat(306)).segments).to.equal(2);
    expect(smsSegments('a'.repeat(307)).segments).to.equal(3);
  });

  it('R-COMP-02: accented letters and Greek capitals of the GSM alphabet stay GSM-7', () => {
    const s = smsSegments('Café à Ørsted, ΔΩ £5 @ 10:00?');
    expect(s.encoding).to.equal('gsm7');
    expect(s.units).to.equal([...'Café à Ørsted, ΔΩ £5 @ 10:00?'].length);
  });

  it('R-COMP-02: characters of the GSM extension table count twice', () => {
    expect(smsSegments('€10 [x] {y} ~ | ^ \\')).to.include({ encoding: 'gsm7', units: 28 });
    expect(smsSegments('€'.repeat(80))).to.include({ units: 160, segments: 1 });
    expect(smsSegments('€'.repeat(81))).to.include({ units: 162, segments: 2 });
  });

  it('R-COMP-02: a part never splits an escaped character', () => {
    // 152 septets, then € (2): it does not fit the first part's last septet, so it starts the second.
    const text = 'a'.repeat(152) + '€' + 'a'.repeat(152);
    expect(smsSegments(text)).to.include({ units: 306, segments: 3 });
  });

  it('R-COMP-02: any character outside GSM-7 makes the whole text UCS-2: 70 in one SMS, 67 per part', () => {
    expect(smsSegments('a'.repeat(69) + 'ç')).to.deep.equal({ encoding: 'ucs2', units: 70, segments: 1, perSegment: 70 });
    expect(smsSegments('a'.repeat(70) + 'ç')).to.deep.equal({ encoding: 'ucs2', units: 71, segments: 2, perSegment: 67 });
    expect(smsSegments('a'.repeat(134)).segments).to.equal(1);
    expect(smsSegments('ç'.repeat(134)).segments).to.equal(2);
    expect(smsSegments('ç'.repeat(135)).segments).to.equal(3);
  });

  it('R-COMP-02: Chinese text is UCS-2, one unit a character', () => {
    expect(smsSegments('您好，您的订单已发货。')).to.deep.equal({ encoding: 'ucs2', units: 11, segments: 1, perSegment: 70 });
    expect(smsSegments('好'.repeat(71)).segments).to.equal(2);
  });

  it('R-COMP-02: an emoji outside the BMP counts as two units, and a part never splits it', () => {
    expect(smsSegments('Thanks 😀')).to.deep.equal({ encoding: 'ucs2', units: 9, segments: 1, perSegment: 70 });
    expect(smsSegments('😀'.repeat(35))).to.include({ units: 70, segments: 1 });
    expect(smsSegments('😀'.repeat(36))).to.include({ units: 72, segments: 2 });
    // 66 units, then a pair that does not fit the first part's last unit.
    expect(smsSegments('a'.repeat(66) + '😀' + 'a'.repeat(66))).to.include({ units: 134, segments: 3 });
  });

  it('R-COMP-02: the GSM escape code itself is not GSM-7 text', () => {
    expect(smsSegments('\u001b').encoding).to.equal('ucs2');
  });
});
